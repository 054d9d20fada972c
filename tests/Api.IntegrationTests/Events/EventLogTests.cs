using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SocialEnterprise.Contracts.Events;
using SocialEnterprise.Contracts.Probes;
using SocialEnterprise.Domain.Events;
using SocialEnterprise.Domain.Probes;
using SocialEnterprise.Infrastructure.Events;
using SocialEnterprise.Infrastructure.Notifications;
using SocialEnterprise.Infrastructure.Probes;
using SocialEnterprise.TestSupport;

namespace SocialEnterprise.Api.IntegrationTests.Events;

public sealed class EventLogTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private readonly CancellationToken _cancellation = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Saving_an_entity_appends_its_events_in_the_same_transaction()
    {
        var kept = PipelineProbe.Request("kept", DateTimeOffset.UtcNow);
        var rolledBack = PipelineProbe.Request("rolled back", DateTimeOffset.UtcNow);

        await using (var db = api.NewDbContext())
        {
            db.PipelineProbes.Add(kept);
            await db.SaveChangesAsync(_cancellation);
        }

        await using (var db = api.NewDbContext())
        {
            await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(_cancellation);
                db.PipelineProbes.Add(rolledBack);
                await db.SaveChangesAsync(_cancellation);
                await transaction.RollbackAsync(_cancellation);
            });
        }

        await using var check = api.NewDbContext();
        var keptEvent = await check.EventLog.SingleAsync(entry => entry.StreamId == PipelineProbeStream.Of(kept.Id), _cancellation);
        var requested = Assert.IsType<PipelineProbeRequested>(keptEvent.ToEnvelope().ToEvent());
        Assert.Equal(kept.Id, requested.ProbeId);
        Assert.False(await check.EventLog.AnyAsync(entry => entry.StreamId == PipelineProbeStream.Of(rolledBack.Id), _cancellation));
        Assert.False(await check.PipelineProbes.AnyAsync(probe => probe.Id == rolledBack.Id, _cancellation));
    }

    [Theory]
    [InlineData("UPDATE event_log SET type = 'Tampered'")]
    [InlineData("DELETE FROM event_log")]
    public async Task The_event_log_is_append_only(string statement)
    {
        await using (var db = api.NewDbContext())
        {
            db.PipelineProbes.Add(PipelineProbe.Request("witness", DateTimeOffset.UtcNow));
            await db.SaveChangesAsync(_cancellation);
        }

        await using var connection = new NpgsqlConnection(api.DatabaseConnectionString);
        await connection.OpenAsync(_cancellation);
        await using var command = new NpgsqlCommand(statement, connection);

        var refused = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync(_cancellation));
        Assert.Contains("append-only", refused.MessageText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reader_never_finds_a_newly_committed_entry_below_what_it_has_seen()
    {
        // Writers whose transactions overlap and commit out of start order; a reader that follows the log by
        // sequence must still end up with every entry, which it only can if sequence order is commit order.
        var follower = api.Service<EventLogFollower>();
        var start = await follower.HeadAsync(_cancellation);
        var seen = new ConcurrentBag<long>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(_cancellation);

        var reader = Task.Run(async () =>
        {
            var position = start;
            while (!stop.IsCancellationRequested)
            {
                foreach (var envelope in await follower.ReadAfterAsync(position, 1000, CancellationToken.None))
                {
                    seen.Add(envelope.Sequence);
                    position = envelope.Sequence;
                }
            }
        }, CancellationToken.None);

        var writers = Enumerable.Range(0, 6).Select(writer => Task.Run(async () =>
        {
            for (var i = 0; i < 15; i++)
            {
                await using var db = api.NewDbContext();
                await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
                {
                    await using var transaction = await db.Database.BeginTransactionAsync(_cancellation);
                    db.PipelineProbes.Add(PipelineProbe.Request($"writer {writer}", DateTimeOffset.UtcNow));
                    await db.SaveChangesAsync(_cancellation);
                    await Task.Delay(Random.Shared.Next(0, 15), _cancellation);
                    await transaction.CommitAsync(_cancellation);
                });
            }
        }, _cancellation)).ToList();
        await Task.WhenAll(writers);

        var written = await follower.ReadAfterAsync(start, 10_000, _cancellation);
        // The reader reaches the newest entry whatever it skipped on the way; then what it saw must be everything.
        await Eventually.TrueAsync(() => seen.Contains(written[^1].Sequence), _cancellation);
        await stop.CancelAsync();
        await reader;

        Assert.Equal(written.Select(envelope => envelope.Sequence).Order(), seen.Order());
    }

    [Fact]
    public async Task A_follower_resumes_after_the_sequence_it_is_given_and_then_follows_new_entries()
    {
        var follower = api.Service<EventLogFollower>();
        await using (var db = api.NewDbContext())
        {
            db.PipelineProbes.AddRange(PipelineProbe.Request("one", DateTimeOffset.UtcNow), PipelineProbe.Request("two", DateTimeOffset.UtcNow));
            await db.SaveChangesAsync(_cancellation);
        }

        var head = await follower.HeadAsync(_cancellation);
        var later = PipelineProbe.Request("after the head", DateTimeOffset.UtcNow);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_cancellation);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));

        await using var stream = follower.FollowAsync(head - 1, timeout.Token).GetAsyncEnumerator(timeout.Token);
        Assert.True(await stream.MoveNextAsync());
        Assert.Equal(head, stream.Current.Sequence);

        var next = stream.MoveNextAsync();
        await using (var db = api.NewDbContext())
        {
            db.PipelineProbes.Add(later);
            await db.SaveChangesAsync(_cancellation);
        }

        Assert.True(await next);
        Assert.Equal(PipelineProbeStream.Of(later.Id), stream.Current.StreamId);
        Assert.True(stream.Current.Sequence > head);
    }

    [Fact]
    public async Task A_commit_wakes_the_listeners_through_PostgreSQL_notifications()
    {
        var notifications = api.Service<PostgresNotifications>();
        // The listener may still be connecting: wait for the first signal it raises once it listens.
        await Eventually.TrueAsync(async () =>
        {
            var probe = notifications.NextSignal(NotificationChannels.EventLog);
            await using var db = api.NewDbContext();
            db.PipelineProbes.Add(PipelineProbe.Request("wake-up", DateTimeOffset.UtcNow));
            await db.SaveChangesAsync(_cancellation);
            return await Task.WhenAny(probe, Task.Delay(TimeSpan.FromSeconds(1), _cancellation)) == probe;
        }, _cancellation);

        var signal = notifications.NextSignal(NotificationChannels.EventLog);
        Assert.False(signal.IsCompleted);
        await using (var db = api.NewDbContext())
        {
            db.PipelineProbes.Add(PipelineProbe.Request("notified", DateTimeOffset.UtcNow));
            await db.SaveChangesAsync(_cancellation);
        }

        // Only a NOTIFY completes the signal (polling never does); the bound is generous for a busy machine.
        await signal.WaitAsync(TimeSpan.FromSeconds(10), _cancellation);
    }
}
