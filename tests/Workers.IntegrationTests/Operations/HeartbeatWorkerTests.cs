using System.Net;
using Microsoft.EntityFrameworkCore;
using SocialEnterprise.Shared;
using SocialEnterprise.TestSupport;

namespace SocialEnterprise.Workers.IntegrationTests.Operations;

public sealed class HeartbeatWorkerTests(MigratedDatabase database, RedisFixture redis) : IClassFixture<MigratedDatabase>
{
    private readonly CancellationToken _cancellation = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_running_worker_reports_itself_healthy_and_answers_health_probes()
    {
        await using var workers = new WorkersFactory(database, redis);
        using var client = workers.CreateClient();

        using var health = await client.GetAsync("/health", _cancellation);
        using var alive = await client.GetAsync("/alive", _cancellation);
        await Eventually.TrueAsync(async () =>
        {
            await using var db = database.NewDbContext();
            return await db.ServiceHeartbeats.AnyAsync(
                heartbeat => heartbeat.Service == Resources.Workers && heartbeat.Status == "Healthy", _cancellation);
        }, _cancellation);

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
    }
}
