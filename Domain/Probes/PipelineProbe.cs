using SocialEnterprise.Contracts.Probes;
using SocialEnterprise.Domain.Events;

namespace SocialEnterprise.Domain.Probes;

/// <summary>
/// A probe sent through the whole pipeline (Api, PostgreSQL, Workers, event log, live push) so that staff and
/// operators can see, end to end and with timings, that the system carries work from intake to the workspace.
/// </summary>
public sealed class PipelineProbe : EventSource
{
    public const int MaxRequestedByLength = 200;

    private PipelineProbe(Guid id, string requestedBy, DateTimeOffset requestedAt)
    {
        Id = id;
        RequestedBy = requestedBy;
        RequestedAt = requestedAt;
        Status = PipelineProbeStatuses.Requested;
    }

    public Guid Id { get; private set; }

    public string RequestedBy { get; private set; }

    public DateTimeOffset RequestedAt { get; private set; }

    public string Status { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    /// <summary>The worker instance that carried the probe.</summary>
    public string? CompletedBy { get; private set; }

    public static PipelineProbe Request(string requestedBy, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(requestedBy);
        if (requestedBy.Length > MaxRequestedByLength)
        {
            throw new ArgumentException($"At most {MaxRequestedByLength} characters.", nameof(requestedBy));
        }

        var probe = new PipelineProbe(Guid.CreateVersion7(now), requestedBy, now);
        probe.Record(new PipelineProbeRequested(probe.Id, requestedBy, now));
        return probe;
    }

    public void Complete(string worker, DateTimeOffset now)
    {
        if (Status == PipelineProbeStatuses.Completed)
        {
            return;
        }

        Status = PipelineProbeStatuses.Completed;
        CompletedAt = now;
        CompletedBy = worker;
        Record(new PipelineProbeCompleted(Id, RequestedBy, RequestedAt, worker, now));
    }
}

