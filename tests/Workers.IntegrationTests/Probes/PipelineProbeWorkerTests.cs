using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using SocialEnterprise.Contracts.Events;
using SocialEnterprise.Contracts.Probes;
using SocialEnterprise.Domain.Events;
using SocialEnterprise.Domain.Probes;
using SocialEnterprise.Infrastructure.Events;
using SocialEnterprise.Infrastructure.Notifications;
using SocialEnterprise.Infrastructure.Persistence;
using SocialEnterprise.Infrastructure.Probes;
using Npgsql;
using SocialEnterprise.Shared;
using SocialEnterprise.TestSupport;
using SocialEnterprise.Workers.Probes;

namespace SocialEnterprise.Workers.IntegrationTests.Probes;

public sealed class PipelineProbeWorkerTests(MigratedDatabase database, RedisFixture redis)
    : IClassFixture<MigratedDatabase>, IDisposable
{
    private readonly CancellationToken _cancellation = TestContext.Current.CancellationToken;

    // The services a worker needs, without the hosted workers running: these tests decide who works when.
    private readonly IHost _services = Services(database);

    [Fact]
    public async Task A_probe_is_carried_once_and_the_event_log_says_by_whom()
    {
        var probe = await RequestAsync("carried once");
        var worker = Worker("worker-a");

        await DrainAsync(worker);
        var again = await worker.CarryBatchAsync(_cancellation);

        Assert.Equal(0, again);
        await using var db = database.NewDbContext();
        var stored = await db.PipelineProbes.SingleAsync(candidate => candidate.Id == probe.Id, _cancellation);
        Assert.Equal(PipelineProbeStatuses.Completed, stored.Status);
        Assert.Equal("worker-a", stored.CompletedBy);
        var completed = Assert.Single(await CompletionsAsync(db, probe.Id));
        Assert.Equal("worker-a", completed.CompletedBy);
    }

    [Fact]
    public async Task Workers_sharing_the_queue_never_carry_the_same_probe_twice()
    {
        var probes = new List<PipelineProbe>();
        // Enough that one worker cannot drain them all before the others start, even on a busy machine.
        for (var i = 0; i < 400; i++)
        {
            probes.Add(await RequestAsync($"shared {i}"));
        }

        // All start together, so that each takes part however the thread pool schedules them.
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var draining = Enumerable.Range(0, 4).Select(index => Task.Run(async () =>
        {
            var worker = Worker($"worker-{index}");
            await start.Task;
            await DrainAsync(worker);
        }, _cancellation)).ToList();
        start.SetResult();
        await Task.WhenAll(draining);

        await using var db = database.NewDbContext();
        foreach (var probe in probes)
        {
            Assert.Single(await CompletionsAsync(db, probe.Id));
        }

        var carriers = await db.PipelineProbes
            .Where(stored => probes.Select(probe => probe.Id).Contains(stored.Id))
            .Select(stored => stored.CompletedBy)
            .Distinct()
            .CountAsync(_cancellation);
        Assert.True(carriers > 1, "The batch size is smaller than the queue, so more than one worker takes part.");
    }

    [Fact]
    public async Task Probes_claimed_by_a_worker_that_dies_are_carried_by_the_next()
    {
        var probe = await RequestAsync("orphaned");

        // A worker that claimed the probe and then died: its claim holds until its transaction ends.
        await using (var dying = new NpgsqlConnection(database.ConnectionString))
        {
            await dying.OpenAsync(_cancellation);
            await using var transaction = await dying.BeginTransactionAsync(_cancellation);
            await using var claim = new NpgsqlCommand(
                "SELECT id FROM pipeline_probes WHERE id = @id FOR UPDATE SKIP LOCKED", dying, transaction);
            claim.Parameters.AddWithValue("id", probe.Id);
            Assert.Equal(probe.Id, await claim.ExecuteScalarAsync(_cancellation));

            var meanwhile = Worker("meanwhile");
            await DrainAsync(meanwhile);
            await using (var check = database.NewDbContext())
            {
                Assert.Empty(await CompletionsAsync(check, probe.Id));
            }

            // Disposing without commit is what a crash does to the connection.
        }

        await DrainAsync(Worker("survivor"));

        await using var db = database.NewDbContext();
        var completed = Assert.Single(await CompletionsAsync(db, probe.Id));
        Assert.Equal("survivor", completed.CompletedBy);
    }

    [Fact]
    public async Task The_running_worker_host_picks_up_a_new_probe_by_itself()
    {
        await using var workers = new WorkersFactory(database, redis);
        _ = workers.Server;
        var probe = await RequestAsync("hosted");

        await Eventually.TrueAsync(async () =>
        {
            await using var db = database.NewDbContext();
            return (await CompletionsAsync(db, probe.Id)).Count == 1;
        }, _cancellation);
    }

    public void Dispose() => _services.Dispose();

    private static IHost Services(MigratedDatabase database)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration[$"ConnectionStrings:{Resources.Database}"] = database.ConnectionString;
        builder.AddCrmDatabase();
        builder.AddCrmNotifications();
        return builder.Build();
    }

    private async Task<PipelineProbe> RequestAsync(string requestedBy)
    {
        var probe = PipelineProbe.Request(requestedBy, DateTimeOffset.UtcNow);
        await using var db = database.NewDbContext();
        db.PipelineProbes.Add(probe);
        await db.SaveChangesAsync(_cancellation);
        return probe;
    }

    private PipelineProbeWorker Worker(string name) => new(
        _services.Services.GetRequiredService<IServiceScopeFactory>(),
        _services.Services.GetRequiredService<PostgresNotifications>(),
        new WorkerInstance(name),
        TimeProvider.System,
        NullLogger<PipelineProbeWorker>.Instance);

    private async Task DrainAsync(PipelineProbeWorker worker)
    {
        while (await worker.CarryBatchAsync(_cancellation) > 0)
        {
        }
    }

    private async Task<List<PipelineProbeCompleted>> CompletionsAsync(CrmDbContext db, Guid probeId)
    {
        var entries = await db.EventLog.AsNoTracking()
            .Where(entry => entry.StreamId == PipelineProbeStream.Of(probeId) && entry.Type == "PipelineProbeCompleted")
            .ToListAsync(_cancellation);
        return entries.ConvertAll(entry => (PipelineProbeCompleted)entry.ToEnvelope().ToEvent()!);
    }
}
