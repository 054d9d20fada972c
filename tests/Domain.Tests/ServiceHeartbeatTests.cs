using SocialEnterprise.Contracts.Operations;
using SocialEnterprise.Domain.Operations;

namespace SocialEnterprise.Domain.Tests;

public sealed class ServiceHeartbeatTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_instance_is_alive_within_the_window_after_its_last_beat()
    {
        var heartbeat = new ServiceHeartbeat("workers", "host/1", Start);
        heartbeat.Beat(Start.AddMinutes(1), "Degraded");

        Assert.True(heartbeat.IsAlive(Start.AddMinutes(1).AddSeconds(20), TimeSpan.FromSeconds(20)));
        Assert.False(heartbeat.IsAlive(Start.AddMinutes(1).AddSeconds(21), TimeSpan.FromSeconds(20)));
        Assert.Equal("Degraded", heartbeat.Status);
        Assert.Equal(Start, heartbeat.StartedAt);
    }
}
