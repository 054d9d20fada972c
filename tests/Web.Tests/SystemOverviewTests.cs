using Microsoft.Extensions.Diagnostics.HealthChecks;
using SocialEnterprise.Contracts.Operations;
using SocialEnterprise.Web.Live;
using SocialEnterprise.Web.Operations;

namespace SocialEnterprise.Web.Tests;

public sealed class SystemOverviewTests
{
    private static readonly HealthReport HealthyWeb = new(
        new Dictionary<string, HealthReportEntry>
        {
            ["cache"] = new(HealthStatus.Healthy, "PING answered in 0.4 ms", TimeSpan.FromMilliseconds(1), null, null),
        },
        TimeSpan.FromMilliseconds(2));

    [Fact]
    public void The_workspace_shows_itself_its_live_link_and_everything_the_Api_reports()
    {
        var api = new SystemStatus(DateTimeOffset.UtcNow,
        [
            new("api", ComponentStatus.Service, "Healthy", "3 checks", 1.5),
            new("workers", ComponentStatus.Service, "Healthy", "1 running"),
            new("postgres", ComponentStatus.Dependency, "Healthy", null, 0.8),
            new("cache", ComponentStatus.Dependency, "Healthy", "PING answered in 0.3 ms", 0.5),
        ]);

        var rows = SystemOverview.Build(HealthyWeb, LiveConnectionState.Live, 41, api, apiError: null);

        Assert.Equal(["web", "live link", "api", "workers", "postgres", "cache"], rows.Select(row => row.Name));
        Assert.All(rows, row => Assert.Equal("Healthy", row.Status));
        Assert.Equal("Following the event stream; last event #41", rows[1].Detail);
        Assert.Equal("cache: Healthy (PING answered in 0.4 ms)", rows[0].Detail);
    }

    [Fact]
    public void When_the_Api_cannot_be_asked_what_only_it_sees_is_unknown_not_guessed()
    {
        var rows = SystemOverview.Build(HealthyWeb, LiveConnectionState.Reconnecting, 7, api: null, apiError: "Unreachable: connection refused");

        var byName = rows.ToDictionary(row => row.Name);
        Assert.Equal("Unhealthy", byName["api"].Status);
        Assert.Equal("Unreachable: connection refused", byName["api"].Detail);
        Assert.Equal(ComponentRow.Unknown, byName["workers"].Status);
        Assert.Equal(ComponentRow.Unknown, byName["postgres"].Status);
        Assert.Equal(ComponentRow.Unknown, byName["cache"].Status);
        Assert.Equal("Unhealthy", byName["live link"].Status);
        Assert.Equal("Reconnecting; will resume after event #7", byName["live link"].Detail);
    }
}
