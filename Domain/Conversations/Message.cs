using SocialEnterprise.Contracts.Conversations;

namespace SocialEnterprise.Domain.Conversations;

/// <summary>One message in a conversation: what the customer wrote (inbound) or the company answered (outbound).</summary>
public sealed class Message
{
    private Message()
    {
    }

    public Guid Id { get; private set; }

    public Guid ConversationId { get; private set; }

    public string Channel { get; private set; } = "";

    /// <summary>The channel's id; unique per channel, so an event is stored once however often it arrives.</summary>
    public string ExternalId { get; private set; } = "";

    public string Kind { get; private set; } = "";

    public string Direction { get; private set; } = MessageDirections.Inbound;

    public Guid? IdentityId { get; private set; }

    public string AuthorName { get; private set; } = "";

    public string Text { get; private set; } = "";

    public string? Url { get; private set; }

    public int? Rating { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    public DateTimeOffset ReceivedAt { get; private set; }

    /// <summary>The classification as JSON (type, sentiment, topic, language, urgency and the signals that decided them).</summary>
    public string? Classification { get; private set; }

    public Guid? IngestEventId { get; private set; }

    /// <summary>The conversation's <see cref="Conversation.ThreadVersion"/> this message made when it arrived; 0 for older messages.</summary>
    public int ThreadVersion { get; private set; }

    public static Message Inbound(
        Guid ingestEventId, string channel, string externalId, string kind, Guid identityId, string authorName, string text,
        string? url, int? rating, DateTimeOffset occurredAt, DateTimeOffset receivedAt, string classification) => new()
    {
        Id = Guid.CreateVersion7(receivedAt),
        Channel = channel,
        ExternalId = externalId,
        Kind = kind,
        Direction = MessageDirections.Inbound,
        IdentityId = identityId,
        AuthorName = authorName,
        Text = text,
        Url = url,
        Rating = rating,
        OccurredAt = occurredAt,
        ReceivedAt = receivedAt,
        Classification = classification,
        IngestEventId = ingestEventId,
    };

    /// <summary>When the message counts as written for the inbox's order and the service-level clocks (<see cref="MessageTiming"/>).</summary>
    public DateTimeOffset CountsFrom => MessageTiming.CountsFrom(OccurredAt, ReceivedAt);

    public void BelongTo(Guid conversationId) => ConversationId = conversationId;

    /// <summary>Stamps the thread version the message made, so that a reply guard can name it among what changed.</summary>
    public void JoinedThreadAt(int threadVersion) => ThreadVersion = threadVersion;
}

/// <summary>
/// A channel's thread key (its thread id, or the implicit thread of a customer's direct messages) pointing at the
/// conversation it currently feeds.
/// </summary>
public sealed class ConversationThread
{
    private ConversationThread()
    {
    }

    public string Channel { get; private set; } = "";

    public string ThreadKey { get; private set; } = "";

    public Guid ConversationId { get; private set; }

    public static ConversationThread For(string channel, string threadKey, Guid conversationId) =>
        new() { Channel = channel, ThreadKey = threadKey, ConversationId = conversationId };

    public void PointTo(Guid conversationId) => ConversationId = conversationId;
}

/// <summary>A staff member who follows a conversation (or, later, was mentioned in it): they see it whatever its department.</summary>
public sealed class ConversationParticipant
{
    private ConversationParticipant()
    {
    }

    public Guid ConversationId { get; private set; }

    public Guid StaffId { get; private set; }

    public string Reason { get; private set; } = ParticipationReasons.Following;

    public DateTimeOffset Since { get; private set; }

    public static ConversationParticipant Follow(Guid conversationId, Guid staffId, DateTimeOffset now) =>
        new() { ConversationId = conversationId, StaffId = staffId, Reason = ParticipationReasons.Following, Since = now };

    public static ConversationParticipant Mention(Guid conversationId, Guid staffId, DateTimeOffset now) =>
        new() { ConversationId = conversationId, StaffId = staffId, Reason = ParticipationReasons.Mentioned, Since = now };
}
