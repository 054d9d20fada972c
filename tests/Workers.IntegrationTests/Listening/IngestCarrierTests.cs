using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SocialEnterprise.Contracts.Listening;
using SocialEnterprise.Domain.Listening;
using SocialEnterprise.Infrastructure.Listening;
using SocialEnterprise.LocalServers;
using SocialEnterprise.Shared;
using SocialEnterprise.TestSupport;

namespace SocialEnterprise.Workers.IntegrationTests.Listening;

/// <summary>The intake queue under concurrency and crashes: every accepted event becomes exactly one message.</summary>
public sealed class IngestCarrierTests(MigratedDatabase database, RedisFixture redis) : IClassFixture<MigratedDatabase>
{
    private readonly CancellationToken _cancellation = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Carriers_sharing_the_queue_store_each_event_exactly_once()
    {
        var run = await EnqueueAsync(300, "shared");
        var hosts = Enumerable.Range(0, 3).Select(_ => ListeningHost.Create(database.ConnectionString, settings: Batch(25))).ToList();
        try
        {
            // All start together, so that each takes part however the thread pool schedules them.
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var draining = hosts.Select(host => Task.Run(async () =>
            {
                await start.Task;
                return await host.Carrier().DrainAsync(_cancellation);
            }, _cancellation)).ToList();
            start.SetResult();
            var carried = await Task.WhenAll(draining);

            Assert.True(carried.Sum() >= 300, "every event is claimed at least once (a retried one twice)");
            Assert.All(carried, count => Assert.True(count > 0, "every carrier should have taken part"));
        }
        finally
        {
            hosts.ForEach(host => host.Dispose());
        }

        await AssertExactlyOnceAsync(run, 300);
    }

    [Fact]
    public async Task Killing_the_Workers_process_mid_batch_and_restarting_loses_nothing_and_duplicates_nothing()
    {
        const int events = 1500;
        var run = await EnqueueAsync(events, "crash");

        var first = StartWorkersProcess("workers-1");
        try
        {
            // Kill -9 once it is under way: some events carried, a batch in flight, most still waiting.
            await Eventually.TrueAsync(async () => await CountAsync(run, IngestEventStatuses.Processed) >= 100, _cancellation, TimeSpan.FromSeconds(60));
            Process.GetProcessById(first.Id).Kill();
            await first.WaitForExitAsync(_cancellation);
        }
        finally
        {
            await first.DisposeAsync();
        }

        var processedAtCrash = await CountAsync(run, IngestEventStatuses.Processed);
        Assert.InRange(processedAtCrash, 100, events - 1);
        await AssertConsistentAsync(run);

        var second = StartWorkersProcess("workers-2");
        try
        {
            await Eventually.TrueAsync(async () => await CountAsync(run, IngestEventStatuses.Processed) == events, _cancellation, TimeSpan.FromSeconds(120));
        }
        finally
        {
            await second.StopAsync(TimeSpan.FromSeconds(10));
            await second.DisposeAsync();
        }

        await AssertExactlyOnceAsync(run, events);
    }

    [Fact]
    public async Task The_running_Workers_carry_a_new_event_as_soon_as_it_is_accepted()
    {
        await using var workers = new WorkersFactory(database, redis);
        _ = workers.Server;
        var run = await EnqueueAsync(1, "live");

        await Eventually.TrueAsync(async () => await CountAsync(run, IngestEventStatuses.Processed) == 1, _cancellation, TimeSpan.FromSeconds(10));
    }

    private ChildProcess StartWorkersProcess(string name)
    {
        var root = RepositoryRoot.Find(AppContext.BaseDirectory);
        var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        var assembly = Path.Combine(root, "Workers", "bin", configuration, "net10.0", "SocialEnterprise.Workers.dll");
        return ChildProcess.Start(name, "dotnet", [assembly], TestLog.Instance, Path.GetDirectoryName(assembly), new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{FreePort.Next()}",
            ["DOTNET_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            [$"ConnectionStrings__{Resources.Database}"] = database.ConnectionString,
            [$"ConnectionStrings__{Resources.Cache}"] = redis.ConnectionString,
            ["Intake__BatchSize"] = "50",
        });
    }

    private static Dictionary<string, string?> Batch(int size) => new() { ["Intake:BatchSize"] = size.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    /// <summary>Accepts <paramref name="count"/> events as the Api does, spread over the channels; returns their id prefix.</summary>
    private async Task<string> EnqueueAsync(int count, string purpose)
    {
        var run = $"{purpose}-{Guid.NewGuid():N}-";
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        var channels = IngestChannels.All.ToArray();
        var submissions = Enumerable.Range(0, count).Select(i => new IngestSubmission(
            channels[i % channels.Length],
            ChannelEvents.Event(
                $"Order {i} has not arrived yet, where is my delivery?", $"customer{i % 97}", $"Customer {i % 97}",
                MessageKinds.Post, externalId: run + i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            DateTimeOffset.UtcNow)).ToList();
        foreach (var chunk in submissions.Chunk(500))
        {
            var answers = await IngestQueue.AcceptAsync(dataSource, chunk, _cancellation);
            Assert.DoesNotContain(answers, answer => answer.Duplicate);
        }

        return run;
    }

    private async Task<int> CountAsync(string run, string status)
    {
        await using var db = database.NewDbContext();
        return await db.IngestEvents.CountAsync(e => e.ExternalId.StartsWith(run) && e.Status == status, _cancellation);
    }

    /// <summary>What is committed is whole: every processed event has its one message, and no message lacks its event.</summary>
    private async Task AssertConsistentAsync(string run)
    {
        await using var db = database.NewDbContext();
        var processed = await db.IngestEvents.Where(e => e.ExternalId.StartsWith(run) && e.Status == IngestEventStatuses.Processed)
            .Select(e => e.MessageId).ToListAsync(_cancellation);
        var messages = await db.Messages.Where(m => m.ExternalId.StartsWith(run)).Select(m => (Guid?)m.Id).ToListAsync(_cancellation);
        Assert.Equal(processed.Order(), messages.Order());
        // Carriers racing to create the same customer retry (a unique key taken first); nothing else may fail.
        var failures = await db.IngestEvents.Where(e => e.ExternalId.StartsWith(run) && e.Attempts > 0).Select(e => e.LastError).ToListAsync(_cancellation);
        Assert.All(failures, error => Assert.Contains("23505", error!, StringComparison.Ordinal));
    }

    private async Task AssertExactlyOnceAsync(string run, int count)
    {
        await AssertConsistentAsync(run);
        await using var db = database.NewDbContext();
        var externalIds = await db.Messages.Where(m => m.ExternalId.StartsWith(run)).Select(m => m.Channel + "/" + m.ExternalId).ToListAsync(_cancellation);
        Assert.Equal(count, externalIds.Count);
        Assert.Equal(count, externalIds.Distinct().Count());
        var messageIds = (await db.Messages.Where(m => m.ExternalId.StartsWith(run)).Select(m => m.Id).ToListAsync(_cancellation)).ToHashSet();
        var received = await db.EventLog.Where(e => e.Type == "MessageReceived").Select(e => e.Payload).ToListAsync(_cancellation);
        var announced = received.Select(payload => System.Text.Json.JsonDocument.Parse(payload).RootElement.GetProperty("messageId").GetGuid())
            .Where(messageIds.Contains).ToList();
        Assert.Equal(count, announced.Count);
        Assert.Equal(count, announced.Distinct().Count());
    }
}
