using SocialEnterprise.Api.Operations;
using SocialEnterprise.Contracts.Operations;
using SocialEnterprise.Domain.Operations;
using SocialEnterprise.Infrastructure.Operations;

namespace SocialEnterprise.Api.IntegrationTests.Operations;

public sealed class WorkersStatusTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void No_heartbeat_at_all_is_unhealthy() =>
        Assert.Equal("Unhealthy", SystemApi.WorkersStatus([], Now).Status);

    [Fact]
    public void Only_stale_heartbeats_are_unhealthy_and_shown_as_gone()
    {
        var status = SystemApi.WorkersStatus([Beat("old/1", Now.AddMinutes(-2), "Healthy")], Now);

        Assert.Equal("Unhealthy", status.Status);
        Assert.Equal("Gone", Assert.Single(status.Instances!).Status);
    }

    [Fact]
    public void Live_healthy_instances_are_healthy()
    {
        var status = SystemApi.WorkersStatus([Beat("a/1", Now.AddSeconds(-3), "Healthy"), Beat("b/2", Now.AddSeconds(-1), "Healthy")], Now);

        Assert.Equal("Healthy", status.Status);
        Assert.Equal("2 running", status.Description);
    }

    [Fact]
    public void A_live_instance_that_reports_trouble_degrades_the_workers()
    {
        var status = SystemApi.WorkersStatus([Beat("a/1", Now, "Healthy"), Beat("b/2", Now, "Unhealthy")], Now);

        Assert.Equal("Degraded", status.Status);
    }

    private static ServiceHeartbeat Beat(string instance, DateTimeOffset at, string status)
    {
        var heartbeat = new ServiceHeartbeat("workers", instance, at.AddHours(-1));
        heartbeat.Beat(at, status);
        return heartbeat;
    }
}
