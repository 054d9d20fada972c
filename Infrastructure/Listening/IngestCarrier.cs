using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialEnterprise.Contracts.Conversations;
using SocialEnterprise.Contracts.Events;
using SocialEnterprise.Contracts.Listening;
using SocialEnterprise.Domain.Listening;
using SocialEnterprise.Infrastructure.Collaboration;
using SocialEnterprise.Infrastructure.Customers;
using SocialEnterprise.Infrastructure.Operations;
using SocialEnterprise.Infrastructure.Persistence;

namespace SocialEnterprise.Infrastructure.Listening;

/// <summary>
/// Carries one batch of accepted events into conversations. The batch is claimed with <c>FOR UPDATE SKIP LOCKED</c>
/// (so several carriers share the queue) and carried in one transaction, each event behind its own savepoint: an
/// event that fails is rolled back alone, counted and retried with backoff (parked after the last attempt) while the
/// rest commits. A carrier that dies mid-batch commits nothing and the next takes the batch again: nothing is lost and
/// nothing is stored twice.
/// </summary>
public sealed partial class IngestCarrier(
    IServiceScopeFactory scopes, IOptions<ListeningOptions> options, ListeningMetrics metrics, TimeProvider time, ILogger<IngestCarrier> logger)
{
    private const string Savepoint = "ingest_event";

    /// <summary>Claims and carries one batch of due events; says how many it claimed and when a retry falls due.</summary>
    /// <param name="partition">Which partition of <paramref name="partitions"/> to take events from (by author, see <see cref="IngestShards"/>).</param>
    public async Task<BatchResult> CarryBatchAsync(CancellationToken cancellationToken, int partition = 0, int partitions = 1)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var processor = scope.ServiceProvider.GetRequiredService<IngestProcessor>();
        var batchSize = options.Value.BatchSize;
        try
        {
            return await CarryAsync(db, processor, batchSize, partition, partitions, scope.ServiceProvider, cancellationToken);
        }
        finally
        {
            // The context goes back to the pool: the next unit of work reads the policies as they are then.
            db.LetGoOfSlaRules();
        }
    }

    private async Task<BatchResult> CarryAsync(
        CrmDbContext db, IngestProcessor processor, int batchSize, int partition, int partitions, IServiceProvider services,
        CancellationToken cancellationToken) =>
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            db.ChangeTracker.Clear();
            // Each event has its own savepoint already; EF's automatic one per SaveChanges would only add round trips.
            db.Database.AutoSavepointsEnabled = false;
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            var now = time.GetUtcNow();
            var batch = await db.IngestEvents
                .FromSql($"""
                    SELECT * FROM ingest_events
                    WHERE status = 'pending' AND next_attempt_at <= {now} AND shard % {partitions} = {partition}
                    ORDER BY next_attempt_at, received_at
                    LIMIT {batchSize}
                    FOR UPDATE SKIP LOCKED
                    """)
                .AsNoTracking()
                .ToListAsync(token);
            if (batch.Count == 0)
            {
                await transaction.CommitAsync(token);
                return new BatchResult(0, 0, await NextDueAsync(db, now, token));
            }

            // The batch's span links every webhook request it carries; each event's own span below continues that request's
            // trace, so one trace runs from the webhook through the queue to the workspace (span links across the hand-off).
            using var activity = Telemetry.Intake.StartActivity(
                "Carry ingested events", ActivityKind.Consumer, parentContext: default,
                links: batch.Select(e => TraceContext.ContextOf(e.TraceParent)).Where(c => c != default).Select(c => new ActivityLink(c)));
            activity?.SetTag("messaging.system", "postgresql");
            activity?.SetTag("messaging.destination.name", "ingest_events");
            activity?.SetTag("messaging.batch.message_count", batch.Count);
            var rules = await processor.ReadRulesAsync(token);
            await db.HoldSlaRulesAsync(token);
            var stored = 0;
            // The event log admits one writer at a time until it commits (sequence order is commit order): the batch's
            // events are appended together at the end, so that carriers work in parallel and queue only to commit.
            var batchEvents = new List<DomainEvent>();
            var batchEntries = new List<Events.EventLogEntry>();
            // A reply can arrive a moment before the message it answers: when both are in this batch, the reply goes
            // once more after the rest instead of waiting for a later batch.
            var queue = new Queue<(IngestEvent Event, bool Requeued)>(batch.Select(e => (e, false)));
            while (queue.TryDequeue(out var next))
            {
                var (ingestEvent, requeued) = next;
                db.ChangeTracker.Clear();
                db.IngestEvents.Attach(ingestEvent);
                var eventActivity = StartEventActivity(ingestEvent, activity);
                using var logScope = logger.BeginScope(new Dictionary<string, object> { ["IngestEventId"] = ingestEvent.Id });
                await transaction.CreateSavepointAsync(Savepoint, token);
                try
                {
                    var outcome = await processor.ProcessAsync(ingestEvent, rules, token);
                    if (outcome == IngestOutcome.Deferred && !requeued && ParentIsIn(batch, ingestEvent))
                    {
                        await transaction.RollbackToSavepointAsync(Savepoint, token);
                        db.TakePendingEvents();
                        queue.Enqueue((ingestEvent, true));
                        eventActivity?.SetTag("socialenterprise.intake.outcome", "requeued");
                        continue;
                    }

                    if (outcome == IngestOutcome.Stored)
                    {
                        stored++;
                    }

                    var recorded = db.TakePendingEvents();
                    await db.SaveChangesAsync(token);
                    batchEvents.AddRange(recorded);
                    // Created now, inside the event's span: the log entries carry its trace to the workspace.
                    batchEntries.AddRange(recorded.Select(Events.EventLogEntry.For));
                    var outcomeName = outcome.ToString().ToLowerInvariant();
                    eventActivity?.SetTag("socialenterprise.intake.outcome", outcomeName);
                    eventActivity?.SetTag("socialenterprise.conversation.id", ingestEvent.ConversationId);
                    metrics.Carried(ingestEvent.Channel, outcomeName,
                        outcome == IngestOutcome.Deferred ? null : time.GetUtcNow() - ingestEvent.ReceivedAt);
                }
                catch (Exception exception) when (!token.IsCancellationRequested)
                {
                    await transaction.RollbackToSavepointAsync(Savepoint, token);
                    db.ChangeTracker.Clear();
                    var failed = await db.IngestEvents.SingleAsync(e => e.Id == ingestEvent.Id, token);
                    failed.RecordFailure(Describe(exception), time.GetUtcNow(), options.Value.RetryPolicy, IsContention(exception));
                    var recorded = db.TakePendingEvents();
                    batchEvents.AddRange(recorded);
                    batchEntries.AddRange(recorded.Select(Events.EventLogEntry.For));
                    await db.SaveChangesAsync(token);
                    eventActivity?.SetStatus(ActivityStatusCode.Error, exception.Message);
                    metrics.Carried(ingestEvent.Channel, "failed", null);
                    LogEventFailed(logger, ingestEvent.Channel, ingestEvent.ExternalId, failed.Attempts, failed.Status, exception);
                }
                finally
                {
                    eventActivity?.Dispose();
                    // The event's span has a remote parent: put the batch's back as the current one for what follows.
                    Activity.Current = activity;
                }
            }

            db.ChangeTracker.Clear();
            // Followers hear of their customers' messages; the notifications' events go with the batch's at its end.
            await FollowerNotifications.ForCustomerMessagesAsync(db, batchEvents.OfType<MessageReceived>(), time.GetUtcNow(), token);
            db.EventLog.AddRange(batchEntries);
            await db.SaveChangesAsync(token);

            // Stamp the moment the batch becomes visible, so accept-to-stored figures include the whole batch.
            var ids = batch.ConvertAll(e => e.Id);
            await db.Database.ExecuteSqlAsync(
                $"UPDATE ingest_events SET processed_at = clock_timestamp() WHERE id = ANY({ids}) AND status IN ('processed', 'filtered')", token);
            var nextDue = await NextDueAsync(db, now, token);
            await transaction.CommitAsync(token);
            LogCarried(logger, batch.Count, stored);

            // A customer who wrote may have a new identity, more followers or a new last-seen: their cached profile goes.
            if (services.GetService<CustomerProfileCache>() is { } profiles)
            {
                await profiles.InvalidateAsync(batchEvents.OfType<MessageReceived>().Select(m => m.CustomerId), token);
            }

            return new BatchResult(batch.Count, stored, nextDue);
        }, cancellationToken);

    /// <summary>
    /// The event's span, a child of the webhook request that accepted it (stored with the event), linked to the batch.
    /// </summary>
    private static Activity? StartEventActivity(IngestEvent ingestEvent, Activity? batch)
    {
        var activity = Telemetry.Intake.StartActivity(
            $"Carry {ingestEvent.Channel} event", ActivityKind.Consumer, TraceContext.ContextOf(ingestEvent.TraceParent),
            links: batch is null ? null : [new ActivityLink(batch.Context)]);
        activity?.SetTag("messaging.system", "postgresql");
        activity?.SetTag("messaging.destination.name", "ingest_events");
        activity?.SetTag("messaging.message.id", ingestEvent.Id);
        activity?.SetTag("socialenterprise.channel", ingestEvent.Channel);
        activity?.SetTag("socialenterprise.intake.external_id", ingestEvent.ExternalId);
        return activity;
    }

    private static bool ParentIsIn(List<IngestEvent> batch, IngestEvent reply) =>
        reply.Request().InReplyTo is { } parent && batch.Exists(e => e.Channel == reply.Channel && e.ExternalId == parent);

    /// <summary>Carries batches until nothing is due (tools and tests; the Workers loop instead).</summary>
    public async Task<int> DrainAsync(CancellationToken cancellationToken)
    {
        var carried = 0;
        while ((await CarryBatchAsync(cancellationToken)) is { Claimed: > 0 } result)
        {
            carried += result.Claimed;
        }

        return carried;
    }

    /// <summary>
    /// A unique key another transaction took first, a conversation another carrier changed meanwhile, or a deadlock
    /// between two carriers: gone on the next try.
    /// </summary>
    private static bool IsContention(Exception exception) =>
        exception is DbUpdateConcurrencyException || DatabaseErrors.IsUniqueViolation(exception) || DatabaseErrors.IsDeadlock(exception);

    /// <summary>The whole chain, outermost first: the cause an admin needs is usually the innermost (the database's own words).</summary>
    private static string Describe(Exception exception)
    {
        var causes = new List<string>();
        for (var current = exception; current is not null; current = current.InnerException)
        {
            causes.Add($"{current.GetType().Name}: {current.Message}");
        }

        return string.Join(" -> ", causes);
    }

    /// <summary>The earliest retry or deferral still ahead (events due now belong to whoever holds them).</summary>
    private static Task<DateTimeOffset?> NextDueAsync(CrmDbContext db, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.IngestEvents.Where(e => e.Status == IngestEventStatuses.Pending && e.NextAttemptAt > now)
            .MinAsync(e => (DateTimeOffset?)e.NextAttemptAt, cancellationToken);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Carried {Count} ingested events, {Stored} stored as messages")]
    private static partial void LogCarried(ILogger logger, int count, int stored);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event {Channel}/{ExternalId} failed (attempt {Attempts}, now {Status})")]
    private static partial void LogEventFailed(ILogger logger, string channel, string externalId, int attempts, string status, Exception exception);
}

/// <summary>What one batch did: events claimed, stored as messages, and when the next waiting event falls due.</summary>
public sealed record BatchResult(int Claimed, int Stored, DateTimeOffset? NextDue)
{
    public static readonly BatchResult Empty = new(0, 0, null);
}
