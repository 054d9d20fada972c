using Bunit;
using SocialEnterprise.Web.Components.Shared;

namespace SocialEnterprise.Web.ComponentTests.Shared;

public sealed class StatusChipTests : WorkspaceContext
{
    [Theory]
    [InlineData("Healthy", "success")]
    [InlineData("Degraded", "warning")]
    [InlineData("Unhealthy", "error")]
    [InlineData("Unknown", "default")]
    public void Each_status_has_its_own_colour(string status, string colour)
    {
        var chip = Render<StatusChip>(parameters => parameters.Add(p => p.Status, status));

        var element = chip.Find("[data-testid=status]");
        Assert.Equal(status, element.GetAttribute("data-status"));
        Assert.Contains($"mud-chip-color-{colour}", element.ClassName, StringComparison.Ordinal);
        Assert.Contains(status, element.TextContent, StringComparison.Ordinal);
    }
}
