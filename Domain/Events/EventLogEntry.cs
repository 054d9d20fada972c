namespace SocialEnterprise.Domain.Events;

/// <summary>An entry of the append-only event log.</summary>
public sealed class EventLogEntry
{
    private EventLogEntry(string type, string streamId, string payload, DateTimeOffset occurredAt)
    {
        Type = type;
        StreamId = streamId;
        Payload = payload;
        OccurredAt = occurredAt;
    }

    /// <summary>
    /// Position in the log, assigned by the database in commit order (see the event_log trigger in the migrations),
    /// so a consumer that has read up to N never later meets an entry below N.
    /// </summary>
    public long Sequence { get; private set; }

    public string Type { get; private set; }

    public string StreamId { get; private set; }

    /// <summary>The event serialised as JSON (stored as <c>jsonb</c>).</summary>
    public string Payload { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    public static EventLogEntry For(DomainEvent domainEvent) => new(
        EventTypes.NameOf(domainEvent),
        domainEvent.StreamId,
        EventTypes.Serialize(domainEvent),
        domainEvent.OccurredAt);
}
