using SocialEnterprise.Contracts.Replies;
using SocialEnterprise.Domain.Conversations;
using SocialEnterprise.Domain.Events;

namespace SocialEnterprise.Domain.Replies;

/// <summary>
/// What the company sends a customer through the conversation's own channel: a staff member's reply, or a
/// satisfaction survey after resolution. It waits for approval when a policy asks for one, then sits in the outbound
/// queue until the delivery worker hands it to the channel's connector; the channel reports delivery back.
/// </summary>
public sealed class Reply : EventSource
{
    public const int MaxErrorLength = 2000;

    private Reply()
    {
    }

    public Guid Id { get; private set; }

    public Guid ConversationId { get; private set; }

    public Guid CustomerId { get; private set; }

    public string Channel { get; private set; } = "";

    /// <summary>The conversation's department when the reply was written.</summary>
    public string Department { get; private set; } = "";

    /// <summary>One of <see cref="ReplyKinds"/>.</summary>
    public string Kind { get; private set; } = ReplyKinds.Reply;

    /// <summary>One of <see cref="ReplyVisibilities"/>: on the public thread, or as a direct message.</summary>
    public string Visibility { get; private set; } = ReplyVisibilities.Public;

    public string Text { get; private set; } = "";

    /// <summary>The customer's message this answers (the connector threads the reply under it); null when none.</summary>
    public Guid? InReplyToMessageId { get; private set; }

    /// <summary>Null for what the system sends by itself (a survey).</summary>
    public Guid? AuthorId { get; private set; }

    public string AuthorName { get; private set; } = "";

    /// <summary>The conversation's <see cref="Conversation.Version"/> its author saw when sending.</summary>
    public int BasedOnVersion { get; private set; }

    /// <summary>One of <see cref="ReplyStates"/>.</summary>
    public string State { get; private set; } = ReplyStates.Queued;

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Why the reply needs approval (which policy), while it does or did.</summary>
    public string? ApprovalReason { get; private set; }

    public Guid? ReviewedById { get; private set; }

    public string? ReviewedByName { get; private set; }

    public DateTimeOffset? ReviewedAt { get; private set; }

    public string? RejectionReason { get; private set; }

    /// <summary>When it joined the outbound queue (at creation, or at approval).</summary>
    public DateTimeOffset? QueuedAt { get; private set; }

    /// <summary>Delivery attempts made so far.</summary>
    public int Attempts { get; private set; }

    /// <summary>When the delivery worker should try (again); null once it is no longer queued.</summary>
    public DateTimeOffset? NextAttemptAt { get; private set; }

    public string? LastError { get; private set; }

    /// <summary>The channel's id for the sent message, as its connector answered.</summary>
    public string? ExternalId { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    public DateTimeOffset? DeliveredAt { get; private set; }

    public DateTimeOffset? FailedAt { get; private set; }

    public int Version { get; private set; }

    /// <summary>The conversation's <see cref="Conversation.ThreadVersion"/> this reply made when it joined the thread (queued); 0 before.</summary>
    public int ThreadVersion { get; private set; }

    /// <summary>
    /// A reply to <paramref name="conversation"/>: queued at once, or waiting for approval when
    /// <paramref name="approvalReason"/> is given.
    /// </summary>
    public static Reply Write(
        Conversation conversation, string kind, string visibility, string text, Guid? inReplyToMessageId, Guid? authorId,
        string authorName, int basedOnVersion, string? approvalReason, DateTimeOffset now)
    {
        var reply = new Reply
        {
            Id = Guid.CreateVersion7(now),
            ConversationId = conversation.Id,
            CustomerId = conversation.CustomerId,
            Channel = conversation.Channel,
            Department = conversation.Department,
            Kind = kind,
            Visibility = visibility,
            Text = text,
            InReplyToMessageId = inReplyToMessageId,
            AuthorId = authorId,
            AuthorName = authorName,
            BasedOnVersion = basedOnVersion,
            CreatedAt = now,
            ApprovalReason = approvalReason,
        };
        if (approvalReason is null)
        {
            reply.Enqueue(now);
        }
        else
        {
            reply.State = ReplyStates.AwaitingApproval;
            reply.Changed(approvalReason, now);
        }

        return reply;
    }

    public bool Approve(Guid reviewerId, string reviewerName, DateTimeOffset now)
    {
        if (State != ReplyStates.AwaitingApproval)
        {
            return false;
        }

        ReviewedById = reviewerId;
        ReviewedByName = reviewerName;
        ReviewedAt = now;
        Enqueue(now);
        return true;
    }

    public bool Reject(Guid reviewerId, string reviewerName, string reason, DateTimeOffset now)
    {
        if (State != ReplyStates.AwaitingApproval)
        {
            return false;
        }

        ReviewedById = reviewerId;
        ReviewedByName = reviewerName;
        ReviewedAt = now;
        RejectionReason = reason;
        State = ReplyStates.Rejected;
        Changed(reason, now);
        return true;
    }

    /// <summary>
    /// The connector accepted it (2xx) and said what the channel calls it. The channel may have reported on the reply
    /// before the worker got here (delivered, or refused after accepting): the attempt and the channel's id are still
    /// recorded, and the state the channel reported stays.
    /// </summary>
    public bool MarkSent(string? externalId, DateTimeOffset now)
    {
        if (State != ReplyStates.Queued)
        {
            if (State is ReplyStates.Delivered or ReplyStates.Failed && ExternalId is null)
            {
                Attempts++;
                ExternalId = externalId;
                Version++;
            }

            return false;
        }

        Attempts++;
        ExternalId = externalId;
        SentAt = now;
        NextAttemptAt = null;
        LastError = null;
        State = ReplyStates.Sent;
        Changed(null, now);
        return true;
    }

    /// <summary>The channel reported the reply delivered to the customer.</summary>
    public bool MarkDelivered(DateTimeOffset deliveredAt, DateTimeOffset now)
    {
        if (State is not (ReplyStates.Sent or ReplyStates.Queued))
        {
            return false;
        }

        DeliveredAt = deliveredAt;
        SentAt ??= deliveredAt;
        NextAttemptAt = null;
        State = ReplyStates.Delivered;
        Changed(null, now);
        return true;
    }

    /// <summary>An attempt failed and another follows at <paramref name="retryAt"/>; the reply stays queued.</summary>
    public void RetryAt(string error, DateTimeOffset retryAt, DateTimeOffset now)
    {
        Attempts++;
        LastError = Shorten(error, MaxErrorLength);
        NextAttemptAt = retryAt;
        Version++;
    }

    /// <summary>The channel refused it for good, or every attempt failed.</summary>
    public bool MarkFailed(string error, DateTimeOffset now, bool countsAsAttempt = true)
    {
        if (State is not (ReplyStates.Queued or ReplyStates.Sent))
        {
            return false;
        }

        if (countsAsAttempt)
        {
            Attempts++;
        }

        LastError = Shorten(error, MaxErrorLength);
        FailedAt = now;
        NextAttemptAt = null;
        State = ReplyStates.Failed;
        Changed(LastError, now);
        return true;
    }

    /// <summary>
    /// A staff member sends a failed reply again: it rejoins the queue with a fresh set of attempts (the same id, so a
    /// connector that did take it after all treats it as the same message).
    /// </summary>
    public bool Retry(DateTimeOffset now)
    {
        if (State != ReplyStates.Failed)
        {
            return false;
        }

        Attempts = 0;
        FailedAt = null;
        Enqueue(now);
        return true;
    }

    /// <summary>Stamps the thread version the reply made, so that a reply guard can name it among what changed.</summary>
    public void JoinedThreadAt(int threadVersion) => ThreadVersion = threadVersion;

    private void Enqueue(DateTimeOffset now)
    {
        State = ReplyStates.Queued;
        QueuedAt = now;
        NextAttemptAt = now;
        Changed(null, now);
    }

    private void Changed(string? detail, DateTimeOffset now)
    {
        Version++;
        Record(new ReplyStateChanged(ConversationId, Id, CustomerId, Department, Kind, State, AuthorId, detail, now));
    }

    private static string Shorten(string text, int length) =>
        text.Length <= length ? text : string.Concat(text.AsSpan(0, length - 1), "…");
}
