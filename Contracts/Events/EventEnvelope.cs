using System.Text.Json;

namespace SocialEnterprise.Contracts.Events;

/// <summary>An event as it travels from the log to the services that push it on: what the event stream carries.</summary>
/// <param name="TraceParent">The trace the event was recorded in (W3C <c>traceparent</c>), for the push to continue it.</param>
public sealed record EventEnvelope(
    long Sequence, string Type, string StreamId, DateTimeOffset OccurredAt, JsonElement Payload, string? TraceParent = null)
{
    /// <summary>The typed event, or <c>null</c> when this process does not know the type (a newer producer).</summary>
    public DomainEvent? ToEvent() => EventTypes.Deserialize(Type, Payload);
}
