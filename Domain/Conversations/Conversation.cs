using SocialEnterprise.Contracts.Classification;
using SocialEnterprise.Contracts.Conversations;
using SocialEnterprise.Domain.Events;

namespace SocialEnterprise.Domain.Conversations;

/// <summary>
/// A thread of messages with one customer on one channel: what staff open, route, answer and resolve. Its
/// classification summarises its messages; its department decides who sees it.
/// </summary>
public sealed class Conversation : EventSource
{
    public const int SearchTextLength = 20_000;

    public const int MaxRoutingReasonLength = 2000;

    private Conversation()
    {
    }

    public Guid Id { get; private set; }

    public Guid CustomerId { get; private set; }

    /// <summary>The identity that opened the conversation; an undone merge takes the conversation back with it.</summary>
    public Guid IdentityId { get; private set; }

    public string Channel { get; private set; } = "";

    public string Status { get; private set; } = ConversationStatuses.Open;

    public string Type { get; private set; } = MessageTypes.Other;

    public string Sentiment { get; private set; } = SentimentLabels.Neutral;

    public double SentimentScore { get; private set; }

    public string? Topic { get; private set; }

    public string Language { get; private set; } = "und";

    public string Urgency { get; private set; } = Urgencies.Normal;

    public string Priority { get; private set; } = Priorities.Normal;

    public string Department { get; private set; } = "";

    /// <summary>Why the conversation is with its department, in words.</summary>
    public string RoutingReason { get; private set; } = "";

    public string Preview { get; private set; } = "";

    public int MessageCount { get; private set; }

    /// <summary>
    /// What customers wrote in the conversation, for full-text search (the newest <see cref="SearchTextLength"/>
    /// characters). PostgreSQL keeps its search vector beside it, so that search combines with every other filter on
    /// the one table.
    /// </summary>
    public string SearchText { get; private set; } = "";

    public DateTimeOffset OpenedAt { get; private set; }

    public DateTimeOffset LastActivityAt { get; private set; }

    public DateTimeOffset? ResolvedAt { get; private set; }

    /// <summary>The earlier conversation this one follows up, when the customer wrote again after the reopen window.</summary>
    public Guid? PreviousConversationId { get; private set; }

    /// <summary>Grows with every change staff can see; a reply carries the version its author saw.</summary>
    public int Version { get; private set; }

    /// <summary>
    /// The <see cref="Version"/> at which the thread last changed (a customer's message or a reply): a reply written on
    /// an earlier version would answer a thread its author has not seen.
    /// </summary>
    public int ThreadVersion { get; private set; }

    public DateTimeOffset? FirstRepliedAt { get; private set; }

    public DateTimeOffset? LastRepliedAt { get; private set; }

    /// <summary>The staff member working the conversation, if anyone is.</summary>
    public Guid? AssigneeId { get; private set; }

    public DateTimeOffset? AssignedAt { get; private set; }

    /// <summary>When the conversation joined its department's queue, waiting for someone with room; null once assigned.</summary>
    public DateTimeOffset? QueuedAt { get; private set; }

    /// <summary>
    /// When the customer started waiting for an answer; null while nobody owes them one (replied, pending, resolved).
    /// The service-level clock keeper mirrors the running response clock here at every save.
    /// </summary>
    public DateTimeOffset? ResponseClockStartedAt { get; private set; }

    /// <summary>The moment the running response clock's target is 80 % used: from then on the conversation is at risk.</summary>
    public DateTimeOffset? ResponseWarnAt { get; private set; }

    /// <summary>When the answer is due under the running response clock (the conversation's SLA policy, in business time).</summary>
    public DateTimeOffset? ResponseDueAt { get; private set; }

    /// <summary>The named service-level policy a routing rule applied, if any.</summary>
    public string? SlaPolicy { get; private set; }

    /// <summary>Labels the routing rules attached.</summary>
    public List<string> Tags { get; private set; } = [];

    /// <summary>The routing rules that matched when the conversation opened, in the order they were tried.</summary>
    public List<Guid> RoutingRuleIds { get; private set; } = [];

    public static Conversation Open(
        Message first, Guid customerId, Guid identityId, MessageClassification classification, Routing routing,
        Guid? previousConversationId, DateTimeOffset now)
    {
        var conversation = new Conversation
        {
            Id = Guid.CreateVersion7(now),
            CustomerId = customerId,
            IdentityId = identityId,
            Channel = first.Channel,
            Type = classification.Type,
            Topic = classification.Topic,
            Language = classification.Language,
            Department = routing.Department,
            RoutingReason = routing.Reason.Length > MaxRoutingReasonLength ? string.Concat(routing.Reason.AsSpan(0, MaxRoutingReasonLength - 1), "…") : routing.Reason,
            Priority = routing.Priority,
            OpenedAt = now,
            PreviousConversationId = previousConversationId,
            SlaPolicy = routing.SlaPolicy,
            Tags = [.. routing.Tags ?? []],
            RoutingRuleIds = [.. routing.RuleIds ?? []],
        };
        conversation.Record(new ConversationOpened(
            conversation.Id, customerId, first.Channel, routing.Department, classification.Type, routing.Priority,
            PreviewOf(first.Text), now));
        if (routing.AssigneeId is { } assigneeId)
        {
            conversation.AssigneeId = assigneeId;
            conversation.AssignedAt = now;
            conversation.Record(new ConversationAssigned(
                conversation.Id, routing.Department, null, assigneeId, routing.AssigneeName, "routing rules", now));
        }

        return conversation;
    }

    /// <summary>Adds a customer's message: the conversation takes its mood, its urgency if higher, and reopens if resolved.</summary>
    public void Receive(Message message, MessageClassification classification, string priority, DateTimeOffset now)
    {
        if (Status != ConversationStatuses.Open)
        {
            // Resolved reopens; pending (waiting on the customer) is over now that they wrote.
            var from = Status;
            Status = ConversationStatuses.Open;
            ResolvedAt = null;
            Record(new ConversationStatusChanged(Id, Department, from, Status, "customer wrote again", now));
        }

        MessageCount++;
        Preview = PreviewOf(message.Text);
        SearchText = SearchTextWith(SearchText, message.Text);
        LastActivityAt = message.CountsFrom > LastActivityAt ? message.CountsFrom : LastActivityAt;
        Sentiment = classification.SentimentLabel;
        SentimentScore = classification.SentimentScore;
        Topic ??= classification.Topic;
        if (Type is MessageTypes.Other or MessageTypes.Praise && classification.Type is not (MessageTypes.Other or MessageTypes.Praise))
        {
            Type = classification.Type;
        }

        if (Urgencies.Rank(classification.Urgency) > Urgencies.Rank(Urgency))
        {
            Urgency = classification.Urgency;
        }

        if (Priorities.Rank(priority) > Priorities.Rank(Priority))
        {
            Priority = priority;
        }

        WaitForAnswerFrom(now);
        Version++;
        ThreadVersion = Version;
        message.JoinedThreadAt(ThreadVersion);
        Record(new MessageReceived(
            Id, message.Id, CustomerId, message.Channel, Department, Preview, classification.Type, classification.SentimentLabel, now));
    }

    /// <summary>Whether the thread changed (the customer wrote, or someone replied) after the author saw <paramref name="seenVersion"/>.</summary>
    public bool ThreadChangedSince(int seenVersion) => ThreadVersion > seenVersion;

    /// <summary>A reply left for the customer (queued for their channel): the customer has their answer for now.</summary>
    public void Replied(Guid replyId, Guid? authorId, string authorName, string visibility, DateTimeOffset now)
    {
        FirstRepliedAt ??= now;
        LastRepliedAt = now;
        LastActivityAt = now > LastActivityAt ? now : LastActivityAt;
        Version++;
        ThreadVersion = Version;
        Record(new ConversationReplied(Id, replyId, CustomerId, Department, authorId, authorName, visibility, now));
    }

    /// <summary>Whether a message written at <paramref name="writtenAt"/> still belongs here or opens a new conversation.</summary>
    public bool Accepts(DateTimeOffset writtenAt, TimeSpan reopenWindow) =>
        Status != ConversationStatuses.Resolved || ResolvedAt is null || writtenAt - ResolvedAt.Value <= reopenWindow;

    public bool ChangeStatus(string status, string by, DateTimeOffset now)
    {
        if (Status == status)
        {
            return false;
        }

        var from = Status;
        Status = status;
        ResolvedAt = status == ConversationStatuses.Resolved ? now : null;
        if (status == ConversationStatuses.Open)
        {
            WaitForAnswerFrom(now);
        }

        Version++;
        Record(new ConversationStatusChanged(Id, Department, from, status, by, now));
        return true;
    }

    /// <summary>Gives the conversation to a staff member (or to nobody), saying why; false when nothing changes.</summary>
    public bool Assign(Guid? assigneeId, string? assigneeName, string by, DateTimeOffset now, string? reason = null)
    {
        if (AssigneeId == assigneeId)
        {
            return false;
        }

        var previous = AssigneeId;
        AssigneeId = assigneeId;
        AssignedAt = assigneeId is null ? null : now;
        if (assigneeId is not null)
        {
            QueuedAt = null;
        }

        Version++;
        Record(new ConversationAssigned(Id, Department, previous, assigneeId, assigneeName, by, now, reason));
        return true;
    }

    /// <summary>Puts an unassigned conversation in its department's queue, because nobody there has room for it now.</summary>
    public bool Queue(string reason, DateTimeOffset now)
    {
        if (AssigneeId is not null || QueuedAt is not null)
        {
            return false;
        }

        QueuedAt = now;
        Record(new ConversationQueued(Id, Department, Priority, reason, now));
        return true;
    }

    /// <summary>Where the conversation stands against its response target at <paramref name="now"/>.</summary>
    public string ServiceLevelAt(DateTimeOffset now) => ServiceLevelStates.Of(ResponseWarnAt, ResponseDueAt, now);

    /// <summary>
    /// Marks the customer as waiting for an answer from <paramref name="now"/> unless they already are: the keeper then
    /// starts (or resumes) the response clock at the save, and a wait that began after the last reply is a next response.
    /// </summary>
    private void WaitForAnswerFrom(DateTimeOffset now) => ResponseClockStartedAt ??= now;

    /// <summary>
    /// Takes the running response clock's moments from its service-level clock (business time, the conversation's
    /// policy), so that the inbox's at-risk filter and order follow the same promise; nulls while none runs.
    /// </summary>
    public void KeepResponseClock(DateTimeOffset? startedAt, DateTimeOffset? warnAt, DateTimeOffset? dueAt)
    {
        ResponseClockStartedAt = startedAt;
        ResponseWarnAt = warnAt;
        ResponseDueAt = dueAt;
    }

    /// <summary>A new priority (an escalation), saying who and why; false when it is already that priority.</summary>
    public bool ChangePriority(string priority, string by, string reason, DateTimeOffset now)
    {
        if (Priority == priority)
        {
            return false;
        }

        var from = Priority;
        Priority = priority;
        Version++;
        Record(new ConversationPriorityChanged(Id, Department, from, priority, by, reason, now));
        return true;
    }

    public void MoveToCustomer(Guid customerId) => CustomerId = customerId;

    /// <summary>The search text with <paramref name="text"/> added; past the limit the oldest words give way.</summary>
    public static string SearchTextWith(string searchText, string text)
    {
        var combined = searchText.Length == 0 ? text : string.Concat(searchText, "\n", text);
        if (combined.Length <= SearchTextLength)
        {
            return combined;
        }

        var start = combined.Length - SearchTextLength;
        var space = combined.IndexOf(' ', start);
        return combined[(space < 0 ? start : space + 1)..];
    }

    public static string PreviewOf(string text) => ConversationPreview.Of(text);
}

/// <summary>Where a new conversation goes and with which priority, and why.</summary>
public sealed record Routing(
    string Department, string Priority, string Reason, IReadOnlyList<string>? Tags = null, string? SlaPolicy = null, Guid? AssigneeId = null,
    IReadOnlyList<Guid>? RuleIds = null, string? AssigneeName = null);
