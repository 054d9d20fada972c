using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialEnterprise.Contracts.Conversations;
using SocialEnterprise.Contracts.Events;
using SocialEnterprise.Domain.Conversations;
using SocialEnterprise.Domain.Listening;
using SocialEnterprise.Infrastructure.Assignment;
using SocialEnterprise.Infrastructure.Collaboration;
using SocialEnterprise.Infrastructure.Customers;
using SocialEnterprise.Infrastructure.Events;
using SocialEnterprise.Infrastructure.Operations;
using SocialEnterprise.Infrastructure.Persistence;
using EventLogEntry = SocialEnterprise.Infrastructure.Events.EventLogEntry;

namespace SocialEnterprise.Infrastructure.Listening;

/// <summary>
/// Carries one batch of accepted events into conversations. The batch is claimed with <c>FOR UPDATE SKIP LOCKED</c>
/// (so several carriers share the queue) and carried in one transaction: together first (what the batch needs read up
/// front, one save for all of it, the conversations it opened assigned together); if anything in it fails, the batch
/// starts over one event at a time, each behind its own savepoint, so that an event that fails is rolled back alone,
/// counted and retried with backoff (parked after the last attempt) while the rest commits. A carrier that dies
/// mid-batch commits nothing and the next takes the batch again: nothing is lost and nothing is stored twice.
/// </summary>
public sealed partial class IngestCarrier(
    IServiceScopeFactory scopes, IntakeRulesCache rulesCache, IOptions<ListeningOptions> options, ListeningMetrics metrics, TimeProvider time, ILogger<IngestCarrier> logger)
{
    private const string WholeBatch = "ingest_batch";
    private const string Savepoint = "ingest_event";

    /// <summary>Claims and carries one batch of due events; says how many it claimed and when a retry falls due.</summary>
    /// <param name="partitionsPerBatch">
    /// How many partitions of authors (<see cref="ListeningOptions.Partitions"/>) the batch may take: those of the oldest
    /// due events that no other batch holds; all of them by default.
    /// </param>
    public async Task<BatchResult> CarryBatchAsync(CancellationToken cancellationToken, int? partitionsPerBatch = null)
    {
        await using var scope = scopes.CreateAsyncScope();
        var steps = new Steps(
            scope.ServiceProvider.GetRequiredService<CrmDbContext>(),
            scope.ServiceProvider.GetRequiredService<IngestProcessor>(),
            scope.ServiceProvider.GetRequiredService<AssignmentService>(),
            scope.ServiceProvider.GetRequiredService<IntakeLookups>());
        steps.Db.WritesInSets = true;
        try
        {
            return await CarryAsync(steps, options.Value.BatchSize, partitionsPerBatch ?? options.Value.Partitions, scope.ServiceProvider, cancellationToken);
        }
        finally
        {
            // The context goes back to the pool: the next unit of work reads the policies as they are then.
            steps.Db.LetGoOfSlaRules();
            steps.Db.WritesInSets = false;
        }
    }

    private async Task<BatchResult> CarryAsync(
        Steps steps, int batchSize, int partitionsPerBatch, IServiceProvider services, CancellationToken cancellationToken) =>
        await steps.Db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            var db = steps.Db;
            db.ChangeTracker.Clear();
            // Savepoints are set where a failure must roll back alone; EF's automatic one per SaveChanges would only add round trips.
            db.Database.AutoSavepointsEnabled = false;
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            var now = time.GetUtcNow();
            var batch = await db.IngestEvents
                // In queue order, from the partitions of the oldest due events that no other batch holds, locked until this
                // transaction ends (the function keeps the plan on the queue's index).
                .FromSql($"SELECT * FROM claim_ingest_events({now}, {options.Value.Partitions}, {partitionsPerBatch}, {batchSize})")
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
            var (rules, serviceLevels) = await rulesCache.ReadAsync(db, token);
            db.HoldSlaRules(serviceLevels);

            var carried = new Carried();
            await transaction.CreateSavepointAsync(WholeBatch, token);
            try
            {
                await CarryTogetherAsync(steps, batch, rules, carried, activity, token);
            }
            catch (Exception exception) when (!token.IsCancellationRequested)
            {
                await transaction.RollbackToSavepointAsync(WholeBatch, token);
                LogCarryingAlone(logger, batch.Count, exception);
                carried = new Carried();
                await CarryOneByOneAsync(steps, transaction, batch, rules, carried, activity, token);
            }

            db.ChangeTracker.Clear();
            // Followers hear of their customers' messages; the notifications' events go with the batch's at its end.
            // The event log admits one writer at a time until it commits (sequence order is commit order): the batch's
            // events are appended together at the end, so that carriers work in parallel and queue only to commit.
            var received = carried.Events.OfType<MessageReceived>().ToList();
            await FollowerNotifications.ForCustomerMessagesAsync(db, received, time.GetUtcNow(), token);
            var entries = carried.Entries.Concat(db.TakePendingEvents().Select(EventLogEntry.For)).ToList();
            await db.SaveChangesAsync(token);
            await EventLogBatch.AppendAsync(db, entries, token);

            // Stamp the moment the batch becomes visible, so accept-to-stored figures include the whole batch.
            var ids = batch.ConvertAll(e => e.Id);
            await db.Database.ExecuteSqlAsync(
                $"UPDATE ingest_events SET processed_at = clock_timestamp() WHERE id = ANY({ids}) AND status IN ('processed', 'filtered')", token);
            // A full batch is followed by the next at once: when a retry falls due matters only to a loop about to wait.
            var nextDue = batch.Count < batchSize ? await NextDueAsync(db, now, token) : null;
            await transaction.CommitAsync(token);
            var committed = time.GetUtcNow();
            foreach (var (ingestEvent, outcome) in carried.Outcomes)
            {
                metrics.Carried(ingestEvent.Channel, outcome, outcome is "deferred" or "failed" ? null : committed - ingestEvent.ReceivedAt);
            }

            LogCarried(logger, batch.Count, carried.Stored);

            // A customer who wrote may have a new identity, more followers or a new last-seen: their cached profile goes.
            if (services.GetService<CustomerProfileCache>() is { } profiles)
            {
                await profiles.InvalidateAsync(received.Select(m => m.CustomerId), token);
            }

            return new BatchResult(batch.Count, carried.Stored, nextDue);
        }, cancellationToken);

    /// <summary>
    /// Carries <paramref name="events"/> with one change tracker and one save: what they need is read up front, each
    /// step finds the batch's earlier work among the tracked entities, the conversations they open are assigned before
    /// the save (their departments decided once, so each is inserted once, assigned), and a reply whose parent comes later in the list goes once more
    /// after the rest instead of waiting for a later batch.
    /// </summary>
    private async Task CarryTogetherAsync(
        Steps steps, IReadOnlyList<IngestEvent> events, IntakeRules rules, Carried carried, Activity? batchActivity, CancellationToken cancellationToken)
    {
        var db = steps.Db;
        db.ChangeTracker.Clear();
        // Every lookup below would otherwise compare every tracked entity with its snapshot; the saves detect changes once.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            db.IngestEvents.AttachRange(events);
            await steps.Lookups.PreloadAsync(events, cancellationToken);
            var opened = new List<Conversation>();
            var queue = new Queue<(IngestEvent Event, bool Requeued)>(events.Select(e => (e, false)));
            while (queue.TryDequeue(out var next))
            {
                var (ingestEvent, requeued) = next;
                using var eventActivity = StartEventActivity(ingestEvent, batchActivity);
                using var logScope = logger.BeginScope(new Dictionary<string, object> { ["IngestEventId"] = ingestEvent.Id });
                try
                {
                    var due = ingestEvent.NextAttemptAt;
                    var outcome = await steps.Processor.ProcessAsync(ingestEvent, rules, opened, cancellationToken);
                    if (outcome == IngestOutcome.Deferred && !requeued && ParentIsIn(events, ingestEvent))
                    {
                        ingestEvent.Defer(due);
                        queue.Enqueue((ingestEvent, true));
                        eventActivity?.SetTag("socialenterprise.intake.outcome", "requeued");
                        continue;
                    }

                    var outcomeName = outcome.ToString().ToLowerInvariant();
                    eventActivity?.SetTag("socialenterprise.intake.outcome", outcomeName);
                    eventActivity?.SetTag("socialenterprise.conversation.id", ingestEvent.ConversationId);
                    // Taken now, inside the event's span: the log entries carry its trace to the workspace.
                    carried.Add(ingestEvent, outcomeName, outcome == IngestOutcome.Stored, db.TakePendingEvents());
                }
                catch (Exception exception)
                {
                    eventActivity?.SetStatus(ActivityStatusCode.Error, exception.Message);
                    throw;
                }
                finally
                {
                    // The event's span has a remote parent: put the batch's back as the current one for what follows.
                    Activity.Current = batchActivity;
                }
            }

            if (opened.Count > 0)
            {
                await steps.Assignment.AssignNewAsync(opened, cancellationToken);
                carried.AddFollowing(db.TakePendingEvents());
            }

            db.ChangeTracker.AutoDetectChangesEnabled = true;
            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = true;
        }
    }

    /// <summary>
    /// The batch again, one event at a time behind its own savepoint (something in it failed when carried together):
    /// an event that fails is rolled back alone and counted, the rest is carried.
    /// </summary>
    private async Task CarryOneByOneAsync(
        Steps steps, IDbContextTransaction transaction, List<IngestEvent> batch, IntakeRules rules, Carried carried, Activity? batchActivity,
        CancellationToken cancellationToken)
    {
        var db = steps.Db;
        var queue = new Queue<(IngestEvent Event, bool Requeued)>(batch.Select(e => (e, false)));
        while (queue.TryDequeue(out var next))
        {
            var (ingestEvent, requeued) = next;
            await transaction.CreateSavepointAsync(Savepoint, cancellationToken);
            var alone = new Carried();
            try
            {
                // As stored: the attempt that was rolled back changed the copy in memory.
                db.ChangeTracker.Clear();
                ingestEvent = await db.IngestEvents.AsNoTracking().SingleAsync(e => e.Id == ingestEvent.Id, cancellationToken);
                await CarryTogetherAsync(steps, [ingestEvent], rules, alone, batchActivity, cancellationToken);
                if (alone.Outcomes is [(_, "deferred")] && !requeued && ParentIsIn(batch, ingestEvent))
                {
                    await transaction.RollbackToSavepointAsync(Savepoint, cancellationToken);
                    queue.Enqueue((ingestEvent, true));
                    continue;
                }

                carried.Add(alone);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                await transaction.RollbackToSavepointAsync(Savepoint, cancellationToken);
                db.ChangeTracker.Clear();
                var failed = await db.IngestEvents.SingleAsync(e => e.Id == ingestEvent.Id, cancellationToken);
                failed.RecordFailure(Describe(exception), time.GetUtcNow(), options.Value.RetryPolicy, IsContention(exception));
                carried.Add(ingestEvent, "failed", stored: false, db.TakePendingEvents());
                await db.SaveChangesAsync(cancellationToken);
                LogEventFailed(logger, ingestEvent.Channel, ingestEvent.ExternalId, failed.Attempts, failed.Status, exception);
            }
        }
    }

    /// <summary>The scoped steps a batch is carried with.</summary>
    private sealed record Steps(CrmDbContext Db, IngestProcessor Processor, AssignmentService Assignment, IntakeLookups Lookups);

    /// <summary>What a batch carried: each event's outcome, the domain events recorded and their log entries.</summary>
    private sealed class Carried
    {
        private readonly Dictionary<string, string?> _traces = [];

        public List<(IngestEvent Event, string Outcome)> Outcomes { get; } = [];

        public List<DomainEvent> Events { get; } = [];

        public List<EventLogEntry> Entries { get; } = [];

        public int Stored { get; private set; }

        /// <summary>What carrying one event recorded, taken inside its span: the log entries carry its trace to the workspace.</summary>
        public void Add(IngestEvent ingestEvent, string outcome, bool stored, List<DomainEvent> recorded)
        {
            Outcomes.Add((ingestEvent, outcome));
            Stored += stored ? 1 : 0;
            var trace = TraceContext.CurrentTraceParent();
            foreach (var domainEvent in recorded)
            {
                _traces[domainEvent.StreamId] = trace;
                Events.Add(domainEvent);
                Entries.Add(EventLogEntry.For(domainEvent, trace));
            }
        }

        /// <summary>What followed for the batch as a whole (assignments): each entry in the trace of the event its stream came from.</summary>
        public void AddFollowing(List<DomainEvent> recorded)
        {
            Events.AddRange(recorded);
            Entries.AddRange(recorded.Select(e => _traces.TryGetValue(e.StreamId, out var trace) ? EventLogEntry.For(e, trace) : EventLogEntry.For(e)));
        }

        public void Add(Carried other)
        {
            Outcomes.AddRange(other.Outcomes);
            Events.AddRange(other.Events);
            Entries.AddRange(other.Entries);
            Stored += other.Stored;
        }
    }

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

    private static bool ParentIsIn(IReadOnlyList<IngestEvent> events, IngestEvent reply) =>
        reply.Request().InReplyTo is { } parent && events.Any(e => e.Channel == reply.Channel && e.ExternalId == parent);

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
        db.Database.SqlQuery<DateTimeOffset?>($"SELECT next_ingest_event_due({now}) AS \"Value\"").SingleAsync(cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Carrying {Count} events together failed; carrying them one at a time")]
    private static partial void LogCarryingAlone(ILogger logger, int count, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Carried {Count} ingested events, {Stored} stored as messages")]
    private static partial void LogCarried(ILogger logger, int count, int stored);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event {Channel}/{ExternalId} failed (attempt {Attempts}, now {Status})")]
    private static partial void LogEventFailed(ILogger logger, string channel, string externalId, int attempts, string status, Exception exception);
}

/// <summary>What one batch did: events claimed, stored as messages, and (after a batch that was not full) when the next waiting event falls due.</summary>
public sealed record BatchResult(int Claimed, int Stored, DateTimeOffset? NextDue)
{
    public static readonly BatchResult Empty = new(0, 0, null);
}
