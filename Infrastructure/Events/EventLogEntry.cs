using System.Text.Json;
using SocialEnterprise.Contracts.Events;

namespace SocialEnterprise.Infrastructure.Events;

/// <summary>An entry of the append-only event log.</summary>
public sealed class EventLogEntry
{
    private EventLogEntry(string type, string streamId, string payload, DateTimeOffset occurredAt, string? traceParent)
    {
        Type = type;
        StreamId = streamId;
        Payload = payload;
        OccurredAt = occurredAt;
        TraceParent = traceParent;
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

    /// <summary>
    /// The W3C trace context of the work that recorded the event (<c>traceparent</c>), so that whoever pushes it on
    /// continues the same trace: from the webhook or the command to the workspace.
    /// </summary>
    public string? TraceParent { get; private set; }

    /// <summary>The entry for <paramref name="domainEvent"/>, in the trace of the work under way now.</summary>
    public static EventLogEntry For(DomainEvent domainEvent) => For(domainEvent, TraceContext.CurrentTraceParent());

    /// <summary>The entry for <paramref name="domainEvent"/>, in the trace of work that has already ended.</summary>
    public static EventLogEntry For(DomainEvent domainEvent, string? traceParent) => new(
        EventTypes.NameOf(domainEvent),
        domainEvent.StreamId,
        EventTypes.Serialize(domainEvent),
        domainEvent.OccurredAt,
        traceParent);

    /// <summary>The entry as the event stream carries it.</summary>
    public EventEnvelope ToEnvelope()
    {
        using var document = JsonDocument.Parse(Payload);
        return new(Sequence, Type, StreamId, OccurredAt, document.RootElement.Clone(), TraceParent);
    }
}
