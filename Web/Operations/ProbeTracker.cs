using SocialEnterprise.Contracts.Events;
using SocialEnterprise.Contracts.Probes;

namespace SocialEnterprise.Web.Operations;

/// <summary>A probe as the System page follows it, from request to arrival on this screen.</summary>
public sealed record ProbeRow(
    Guid Id,
    string RequestedBy,
    DateTimeOffset RequestedAt,
    DateTimeOffset? CompletedAt = null,
    string? CompletedBy = null,
    DateTimeOffset? SeenAt = null)
{
    public bool IsCarried => CompletedAt is not null;

    /// <summary>From the Api accepting the probe to this workspace showing that a worker carried it.</summary>
    public TimeSpan? RoundTrip => SeenAt - RequestedAt;
}

/// <summary>The probes the System page shows: the most recent, kept up to date by the live event stream.</summary>
public sealed class ProbeTracker
{
    public const int Shown = 10;

    private readonly Dictionary<Guid, ProbeRow> _rows = [];

    public IReadOnlyList<ProbeRow> Rows => [.. _rows.Values.OrderByDescending(row => row.RequestedAt).Take(Shown)];

    public void Load(IEnumerable<ProbeResponse> probes)
    {
        foreach (var probe in probes)
        {
            _rows.TryAdd(probe.Id, new ProbeRow(probe.Id, probe.RequestedBy, probe.RequestedAt, probe.CompletedAt, probe.CompletedBy));
        }

        Trim();
    }

    /// <summary>
    /// Applies an event from the stream; returns whether it concerned a probe. <paramref name="seenAt"/> is when it
    /// reached this screen, or null for events from before the page was open.
    /// </summary>
    public bool Apply(EventEnvelope envelope, DateTimeOffset? seenAt)
    {
        switch (envelope.ToEvent())
        {
            case PipelineProbeRequested requested:
                _rows.TryAdd(requested.ProbeId, new ProbeRow(requested.ProbeId, requested.RequestedBy, requested.OccurredAt));
                break;
            case PipelineProbeCompleted completed:
                var row = _rows.GetValueOrDefault(completed.ProbeId)
                          ?? new ProbeRow(completed.ProbeId, completed.RequestedBy, completed.RequestedAt);
                _rows[completed.ProbeId] = row with
                {
                    CompletedAt = completed.OccurredAt,
                    CompletedBy = completed.CompletedBy,
                    SeenAt = row.SeenAt ?? seenAt,
                };
                break;
            default:
                return false;
        }

        Trim();
        return true;
    }

    private void Trim()
    {
        foreach (var stale in _rows.Values.OrderByDescending(row => row.RequestedAt).Skip(Shown * 2).ToList())
        {
            _rows.Remove(stale.Id);
        }
    }
}
