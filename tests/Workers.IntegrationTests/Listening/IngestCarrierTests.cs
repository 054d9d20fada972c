using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using SocialEnterprise.Contracts.Listening;
using SocialEnterprise.Domain.Listening;
using SocialEnterprise.Infrastructure.Listening;
using SocialEnterprise.LocalServers;
using SocialEnterprise.Shared;
using SocialEnterprise.TestSupport;

using SocialEnterprise.Workers.IntegrationTests.Persistence;

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
            var carried = await DrainTogetherAsync(hosts);

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
    public async Task Carriers_of_several_replicas_never_carry_one_author_at_once()
    {
        // Forty people, each writing five times on different channels with the same e-mail address: the intake joins
        // their identities to one customer. Two carriers reading one address at once would each create a customer.
        var run = $"authors-{Guid.NewGuid():N}-";
        var channels = IngestChannels.All.ToArray();
        var submissions = Enumerable.Range(0, 200).Select(i => new IngestSubmission(
            channels[i / 40 % channels.Length],
            ChannelEvents.Event(
                $"Question {i}: when does my order ship?", $"{run}person{i % 40}", $"Person {i % 40}", MessageKinds.Post,
                externalId: run + i.ToString(System.Globalization.CultureInfo.InvariantCulture), email: $"{run}person{i % 40}@example.com"),
            DateTimeOffset.UtcNow)).ToList();
        await using (var dataSource = NpgsqlDataSource.Create(database.ConnectionString))
        {
            await IngestQueue.AcceptAsync(dataSource, submissions, _cancellation);
        }

        // Small batches and small shares, as four loops of two replicas would take them.
        var hosts = Enumerable.Range(0, 4).Select(_ => ListeningHost.Create(database.ConnectionString, settings: Batch(10))).ToList();
        try
        {
            await DrainTogetherAsync(hosts, partitionsPerBatch: 4);
        }
        finally
        {
            hosts.ForEach(host => host.Dispose());
        }

        await AssertExactlyOnceAsync(run, 200);
        await using var db = database.NewDbContext();
        var customers = await db.CustomerIdentities.Where(i => i.Email != null && i.Email.StartsWith(run))
            .GroupBy(i => i.Email).Select(g => g.Select(i => i.CustomerId).Distinct().Count()).ToListAsync(_cancellation);
        Assert.Equal(40, customers.Count);
        Assert.All(customers, count => Assert.Equal(1, count));
    }

    [Fact]
    public async Task A_full_batch_writes_each_tables_rows_in_one_statement_and_no_command_is_a_large_object()
    {
        // A hundred events of new customers: about seven hundred rows in one save. EF Core alone writes a statement per
        // row; joined in one command their text would be a large object (over 85,000 bytes), allocated on every save.
        var run = await EnqueueAsync(100, "large-save", newAuthors: true);
        using var statements = new StatementRecorder();
        using var host = ListeningHost.Create(database.ConnectionString, settings: Batch(100));
        BatchResult result;
        using (statements.Trace())
        {
            result = await host.Carrier().CarryBatchAsync(_cancellation);
        }

        Assert.Equal(100, result.Claimed);
        await AssertExactlyOnceAsync(run, 100);
        foreach (var table in new[] { "customers", "customer_identities", "conversations", "messages", "service_level_clocks" })
        {
            var inserts = statements.Count($@"INSERT INTO {table} \(");
            Assert.True(inserts == 1, $"{inserts} statements inserted into {table}");
        }

        // Every event's row changes: in a statement per set of changed columns (stored, filtered), and the stamp at commit.
        var eventUpdates = statements.Count("UPDATE ingest_events");
        Assert.True(eventUpdates <= 3, $"{eventUpdates} statements updated ingest_events");
        Assert.All(statements.Texts, text => Assert.True(text.Length * sizeof(char) < 85_000, $"a command of {text.Length:N0} characters"));
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

    /// <summary>Every host carries batches at once until none finds anything due; how many each claimed.</summary>
    private async Task<int[]> DrainTogetherAsync(List<IHost> hosts, int partitionsPerBatch = 6) =>
        await Task.WhenAll(hosts.Select(host => Task.Run(async () =>
        {
            var claimed = 0;
            var idle = 0;
            // A batch finds nothing while the others hold every partition with work: done only after a few empty looks.
            while (idle < 5)
            {
                var result = await host.Carrier().CarryBatchAsync(_cancellation, partitionsPerBatch);
                claimed += result.Claimed;
                idle = result.Claimed == 0 ? idle + 1 : 0;
                if (result.Claimed == 0)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(50), _cancellation);
                }
            }

            return claimed;
        }, _cancellation)));

    private ChildProcess StartWorkersProcess(string name) =>
        WorkersProcess.Start(name, database, redis, new Dictionary<string, string> { ["Intake__BatchSize"] = "50" });

    private static Dictionary<string, string?> Batch(int size) => new() { ["Intake:BatchSize"] = size.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    /// <summary>Accepts <paramref name="count"/> events as the Api does, spread over the channels; returns their id prefix.</summary>
    /// <param name="newAuthors">Authors no other test writes as (by default, 97 shared ones).</param>
    private async Task<string> EnqueueAsync(int count, string purpose, bool newAuthors = false)
    {
        var run = $"{purpose}-{Guid.NewGuid():N}-";
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        var channels = IngestChannels.All.ToArray();
        var submissions = Enumerable.Range(0, count).Select(i => new IngestSubmission(
            channels[i % channels.Length],
            ChannelEvents.Event(
                $"Order {i} has not arrived yet, where is my delivery?", newAuthors ? $"{run}customer{i}" : $"customer{i % 97}", $"Customer {i % 97}",
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
        // Carriers never carry one author's events at once (each holds its partitions until it commits): nothing failed.
        var failures = await db.IngestEvents.Where(e => e.ExternalId.StartsWith(run) && e.Attempts > 0).Select(e => e.LastError).ToListAsync(_cancellation);
        Assert.Empty(failures);
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
