using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using SocialEnterprise.TestSupport;
using SocialEnterprise.Web.Live;

namespace SocialEnterprise.Web.Tests;

public sealed class WorkspaceMetricsTests
{
    [Fact]
    public async Task Open_circuits_go_up_when_a_tab_connects_and_down_when_it_closes()
    {
        var meters = Meters.Factory();
        using var circuits = new MetricCollector<long>(meters, WorkspaceMetrics.MeterName, "socialenterprise.workspace.circuits");
        var metrics = new WorkspaceMetrics(meters);
        var first = new CircuitMetricsHandler(metrics);
        var second = new CircuitMetricsHandler(metrics);

        await first.OnCircuitOpenedAsync(null!, CancellationToken.None);
        await second.OnCircuitOpenedAsync(null!, CancellationToken.None);
        await first.OnCircuitClosedAsync(null!, CancellationToken.None);

        Assert.Equal([1, 1, -1], circuits.GetMeasurementSnapshot().Select(m => m.Value));
    }
}
