using SocialEnterprise.Domain.Classification;
using SocialEnterprise.Domain.Events;

namespace SocialEnterprise.Domain.Conversations;

/// <summary>
/// A thread of messages with one customer on one channel: what staff open, route, answer and resolve. Its
/// classification summarises its messages; its department decides who sees it.
/// </summary>
public sealed class Conversation : EventSource
{
    public const int PreviewLength = 160;

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

    public DateTimeOffset OpenedAt { get; private set; }

    public DateTimeOffset LastActivityAt { get; private set; }

    public DateTimeOffset? ResolvedAt { get; private set; }

    /// <summary>The earlier conversation this one follows up, when the customer wrote again after the reopen window.</summary>
    public Guid? PreviousConversationId { get; private set; }

    /// <summary>Grows with every change staff can see; a reply carries the version its author saw.</summary>
    public int Version { get; private set; }

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
            RoutingReason = routing.Reason,
            Priority = routing.Priority,
            OpenedAt = now,
            PreviousConversationId = previousConversationId,
        };
        conversation.Record(new ConversationOpened(
            conversation.Id, customerId, first.Channel, routing.Department, classification.Type, routing.Priority,
            PreviewOf(first.Text), now));
        return conversation;
    }

    /// <summary>Adds a customer's message: the conversation takes its mood, its urgency if higher, and reopens if resolved.</summary>
    public void Receive(Message message, MessageClassification classification, string priority, DateTimeOffset now)
    {
        if (Status == ConversationStatuses.Resolved)
        {
            var from = Status;
            Status = ConversationStatuses.Open;
            ResolvedAt = null;
            Record(new ConversationStatusChanged(Id, Department, from, Status, "customer wrote again", now));
        }

        MessageCount++;
        Preview = PreviewOf(message.Text);
        LastActivityAt = message.OccurredAt > LastActivityAt ? message.OccurredAt : LastActivityAt;
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

        Version++;
        Record(new MessageReceived(
            Id, message.Id, CustomerId, message.Channel, Department, Preview, classification.Type, classification.SentimentLabel, now));
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
        Version++;
        Record(new ConversationStatusChanged(Id, Department, from, status, by, now));
        return true;
    }

    public void MoveToCustomer(Guid customerId) => CustomerId = customerId;

    public static string PreviewOf(string text)
    {
        var collapsed = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return collapsed.Length <= PreviewLength ? collapsed : string.Concat(collapsed.AsSpan(0, PreviewLength - 1), "…");
    }
}

public static class ConversationStatuses
{
    public const string Open = "open";

    /// <summary>Waiting on the customer.</summary>
    public const string Pending = "pending";

    public const string Resolved = "resolved";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { Open, Pending, Resolved };
}

public static class Priorities
{
    public const string Low = "low";
    public const string Normal = "normal";
    public const string High = "high";
    public const string Urgent = "urgent";

    public static readonly IReadOnlyList<string> All = [Low, Normal, High, Urgent];

    public static int Rank(string priority) => priority switch
    {
        Low => 0,
        High => 2,
        Urgent => 3,
        _ => 1,
    };
}

/// <summary>Where a new conversation goes and with which priority, and why.</summary>
public sealed record Routing(string Department, string Priority, string Reason);

public sealed record ConversationOpened(
    Guid ConversationId, Guid CustomerId, string Channel, string Department, string Type, string Priority, string Preview,
    DateTimeOffset OccurredAt) : DomainEvent(OccurredAt)
{
    public override string StreamId => ConversationStream.Of(ConversationId);
}

public sealed record MessageReceived(
    Guid ConversationId, Guid MessageId, Guid CustomerId, string Channel, string Department, string Preview, string Type,
    string Sentiment, DateTimeOffset OccurredAt) : DomainEvent(OccurredAt)
{
    public override string StreamId => ConversationStream.Of(ConversationId);
}

public sealed record ConversationStatusChanged(
    Guid ConversationId, string Department, string From, string To, string By, DateTimeOffset OccurredAt) : DomainEvent(OccurredAt)
{
    public override string StreamId => ConversationStream.Of(ConversationId);
}

public static class ConversationStream
{
    public static string Of(Guid conversationId) => $"conversation/{conversationId:N}";
}
