using Microsoft.Extensions.Diagnostics.HealthChecks;
using SocialEnterprise.Shared;

namespace SocialEnterprise.EndToEnd;

/// <summary>The stack the suite runs on, as Aspire.Hosting.Testing started it from the real AppHost.</summary>
public sealed class AppHostSmokeTests(StackFixture stack)
{
    [Theory]
    [InlineData(Resources.Postgres)]
    [InlineData(Resources.Database)]
    [InlineData(Resources.Cache)]
    [InlineData(Resources.Api)]
    [InlineData(Resources.Workers)]
    [InlineData(Resources.Web)]
    [InlineData(Resources.Channels)]
    public void Every_resource_of_the_AppHost_is_running_and_healthy(string resource)
    {
        Assert.True(stack.Stack.App.ResourceNotifications.TryGetCurrentState(resource, out var current), $"{resource} is not in the app model.");

        Assert.Equal("Running", current.Snapshot.State?.Text);
        Assert.Equal(HealthStatus.Healthy, current.Snapshot.HealthStatus);
    }

    [Fact]
    public void The_simulator_waits_for_an_explicit_start()
    {
        Assert.True(stack.Stack.App.ResourceNotifications.TryGetCurrentState(Resources.Simulator, out var simulator));

        Assert.Equal("NotStarted", simulator.Snapshot.State?.Text);
    }
}
