using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace SocialEnterprise.Web.Live;

/// <summary>
/// The workspace's metrics: open circuits (staff with a page open) and push latency, from an event being recorded to it
/// being handed to the open pages of this Web process.
/// </summary>
public sealed class WorkspaceMetrics
{
    public const string MeterName = "SocialEnterprise.Workspace";

    private readonly UpDownCounter<long> _circuits;
    private readonly Histogram<double> _pushLatency;

    public WorkspaceMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _circuits = meter.CreateUpDownCounter<long>(
            "socialenterprise.workspace.circuits", "{circuit}", "Open workspace circuits (a browser tab each) in this Web process");
        _pushLatency = meter.CreateHistogram(
            "socialenterprise.workspace.push.latency", "s", "From an event being recorded to it being handed to the open pages",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] });
    }

    public void CircuitOpened() => _circuits.Add(1);

    public void CircuitClosed() => _circuits.Add(-1);

    public void Pushed(string eventType, TimeSpan latency) =>
        _pushLatency.Record(Math.Max(0, latency.TotalSeconds), new KeyValuePair<string, object?>("event.type", eventType));
}

/// <summary>Counts circuits as they open and close.</summary>
public sealed class CircuitMetricsHandler(WorkspaceMetrics metrics) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        metrics.CircuitOpened();
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        metrics.CircuitClosed();
        return Task.CompletedTask;
    }
}
