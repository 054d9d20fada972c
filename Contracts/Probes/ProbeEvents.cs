using SocialEnterprise.Contracts.Events;

namespace SocialEnterprise.Contracts.Probes;

public sealed record PipelineProbeRequested(Guid ProbeId, string RequestedBy, DateTimeOffset OccurredAt)
    : DomainEvent(OccurredAt)
{
    public override string StreamId => PipelineProbeStream.Of(ProbeId);
}

public sealed record PipelineProbeCompleted(
    Guid ProbeId, string RequestedBy, DateTimeOffset RequestedAt, string CompletedBy, DateTimeOffset OccurredAt)
    : DomainEvent(OccurredAt)
{
    public override string StreamId => PipelineProbeStream.Of(ProbeId);

    /// <summary>How long the probe took from the Api accepting it to a worker carrying it.</summary>
    public TimeSpan PipelineTime => OccurredAt - RequestedAt;
}

public static class PipelineProbeStream
{
    public static string Of(Guid probeId) => $"probe/{probeId:N}";
}
