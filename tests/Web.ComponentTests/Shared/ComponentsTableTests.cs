using Bunit;
using SocialEnterprise.Contracts.Operations;
using SocialEnterprise.Web.Components.Shared;
using SocialEnterprise.Web.Operations;

namespace SocialEnterprise.Web.ComponentTests.Shared;

public sealed class ComponentsTableTests : WorkspaceContext
{
    [Fact]
    public void Each_component_shows_its_status_detail_check_time_and_instances()
    {
        var seen = DateTimeOffset.UtcNow;
        ComponentRow[] rows =
        [
            new("api", ComponentStatus.Service, "Healthy", "3 checks", 1.25),
            new("workers", ComponentStatus.Service, "Degraded", "2 running, not all healthy", null,
            [
                new ComponentInstance("host/1", "Healthy", seen.AddMinutes(-5), seen),
                new ComponentInstance("host/2", "Unhealthy", seen.AddMinutes(-5), seen),
            ]),
            new("cache", ComponentStatus.Dependency, ComponentRow.Unknown, "Unknown while the Api cannot be reached."),
        ];

        var table = Render<ComponentsTable>(parameters => parameters.Add(p => p.Rows, rows));

        var lines = table.FindAll("[data-testid=component]");
        Assert.Equal(["api", "workers", "cache"], lines.Select(line => line.GetAttribute("data-name")));
        Assert.Equal(["Healthy", "Degraded", "Unknown"], lines.Select(line => line.GetAttribute("data-status")));
        Assert.Contains("1.3 ms", lines[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("host/2 · Unhealthy", lines[1].TextContent, StringComparison.Ordinal);
    }
}
