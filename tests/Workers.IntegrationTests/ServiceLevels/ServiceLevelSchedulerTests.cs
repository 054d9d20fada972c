using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.EntityFrameworkCore;
using SocialEnterprise.Contracts.Conversations;
using SocialEnterprise.Contracts.ServiceLevels;
using SocialEnterprise.Domain.Conversations;
using SocialEnterprise.Domain.ServiceLevels;
using SocialEnterprise.Infrastructure.Conversations;
using SocialEnterprise.Infrastructure.ServiceLevels;
using SocialEnterprise.TestSupport;

namespace SocialEnterprise.Workers.IntegrationTests.ServiceLevels;

/// <summary>
/// The clock scheduler on a fake clock: each moment fires at its time (not before), once, across a restart and with two
/// schedulers running; clocks created while it runs reach it by NOTIFY.
/// </summary>
public sealed class ServiceLevelSchedulerTests(MigratedDatabase database) : IClassFixture<MigratedDatabase>
{
    private static readonly TimeSpan Target = TimeSpan.FromMinutes(10);

    // Long enough for a scheduler that would fire early to have done it.
    private static readonly TimeSpan Grace = TimeSpan.FromMilliseconds(400);

    private readonly CancellationToken _cancellation = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Prediction_warning_and_breach_fire_at_their_moments_not_before_and_once()
    {
        await using var world = await ServiceLevelWorld.CreateAsync(database, Target);
        var start = world.Time.GetUtcNow();
        var conversation = await world.CustomerWritesAsync("Where is my parcel?");
        var clock = await world.ClockAsync(conversation, ServiceLevelMetrics.FirstResponse);
        Assert.Equal(start + Target * 0.5, clock.PredictedBreachAt);
        Assert.Equal(start + Target * 0.8, clock.WarnAt);
        Assert.Equal(start + Target, clock.DueAt);

        var scheduler = await world.StartSchedulerAsync();
        using var fired = new MetricCollector<long>(scheduler.Services.GetRequiredService<IMeterFactory>(), ClockMetrics.MeterName, "socialenterprise.sla.fired");
        foreach (var (moment, read) in new (DateTimeOffset, Func<ServiceLevelClock, DateTimeOffset?>)[]
                 {
                     (clock.PredictedBreachAt!.Value, c => c.PredictedAt),
                     (clock.WarnAt!.Value, c => c.WarnedAt),
                     (clock.DueAt!.Value, c => c.BreachedAt),
                 })
        {
            world.AdvanceTo(moment - TimeSpan.FromSeconds(1));
            await Task.Delay(Grace, _cancellation);
            Assert.Null(read(await world.ClockAsync(conversation, ServiceLevelMetrics.FirstResponse)));

            world.AdvanceTo(moment);
            await Eventually.TrueAsync(async () => read(await world.ClockAsync(conversation, ServiceLevelMetrics.FirstResponse)) is not null, _cancellation);
            Assert.Equal(moment, read(await world.ClockAsync(conversation, ServiceLevelMetrics.FirstResponse)));
        }

        world.AdvanceTo(start + Target * 3);
        await Task.Delay(Grace, _cancellation);
        var events = await world.EventsAsync(conversation);
        // Nobody is available in this database: the breach is predicted at half time.
        Assert.Equal(1, events.Count(e => e == "ServiceLevelBreachPredicted"));
        Assert.Equal(1, events.Count(e => e == "ServiceLevelWarning"));
        Assert.Equal(1, events.Count(e => e == "ServiceLevelBreached"));
        Assert.True(events.IndexOf("ServiceLevelWarning") < events.IndexOf("ServiceLevelBreached"));
        // The dashboard counts the moments by name (this database's other clocks may fire meanwhile: at least these).
        Assert.Superset(
            new HashSet<string> { "predicted-breach", "warning", "breach" },
            fired.GetMeasurementSnapshot().Select(m => (string)m.Tags["moment"]!).ToHashSet());
    }

    [Fact]
    public async Task A_clock_started_while_the_scheduler_runs_reaches_it_by_notification()
    {
        await using var world = await ServiceLevelWorld.CreateAsync(database, Target);
        await world.StartSchedulerAsync();
        // Let it load (nothing of this test yet) and go to sleep.
        await Task.Delay(Grace, _cancellation);

        var conversation = await world.CustomerWritesAsync("Still no refund");
        var warnAt = (await world.ClockAsync(conversation, ServiceLevelMetrics.FirstResponse)).WarnAt!.Value;
        await Task.Delay(Grace, _cancellation);
        world.AdvanceTo(warnAt);

        await Eventually.TrueAsync(async () => (await world.ClockAsync(conversation, ServiceLevelMetrics.FirstResponse)).WarnedAt == warnAt, _cancellation);
    }

    [Fact]
    public async Task Moments_that_passed_while_no_scheduler_ran_fire_at_once_on_start_and_nothing_fires_twice()
    {
        await using var world = await ServiceLevelWorld.CreateAsync(database, Target);
        var conversation = await world.CustomerWritesAsync("My account is locked, why can I not log in?");
        var clock = await world.ClockAsync(conversation, ServiceLevelMetrics.FirstResponse);

        var first = await world.StartSchedulerAsync();
        world.AdvanceTo(clock.WarnAt!.Value);
        await Eventually.TrueAsync(async () => (await world.ClockAsync(conversation, ServiceLevelMetrics.FirstResponse)).WarnedAt is not null, _cancellation);
        await ServiceLevelWorld.StopAsync(first);

        // Down past the due moment; the next scheduler breaches it as soon as it has loaded.
        world.AdvanceTo(clock.DueAt!.Value + TimeSpan.FromMinutes(3));
        var restartedAt = world.Time.GetUtcNow();
        await world.StartSchedulerAsync();
        await Eventually.TrueAsync(async () => (await world.ClockAsync(conversation, ServiceLevelMetrics.FirstResponse)).BreachedAt is not null, _cancellation);

        Assert.Equal(restartedAt, (await world.ClockAsync(conversation, ServiceLevelMetrics.FirstResponse)).BreachedAt);
        var events = await world.EventsAsync(conversation);
        Assert.Equal(1, events.Count(e => e == "ServiceLevelWarning"));
        Assert.Equal(1, events.Count(e => e == "ServiceLevelBreached"));
    }

    [Fact]
    public async Task Two_schedulers_fire_each_moment_once()
    {
        await using var world = await ServiceLevelWorld.CreateAsync(database, Target);
        var conversations = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            conversations.Add(await world.CustomerWritesAsync($"Where is my order number {i}? It has not arrived."));
        }

        await world.StartSchedulerAsync();
        await world.StartSchedulerAsync();
        await Task.Delay(Grace, _cancellation);
        world.AdvanceTo(world.Time.GetUtcNow() + Target + TimeSpan.FromSeconds(1));
        await Eventually.TrueAsync(async () =>
        {
            foreach (var conversation in conversations)
            {
                if ((await world.ClocksAsync(conversation)).Any(c => c.Metric == ServiceLevelMetrics.FirstResponse && c.BreachedAt is null))
                {
                    return false;
                }
            }

            return true;
        }, _cancellation);
        await Task.Delay(Grace, _cancellation);

        foreach (var conversation in conversations)
        {
            var events = await world.EventsAsync(conversation);
            Assert.Equal(1, events.Count(e => e == "ServiceLevelWarning"));
            Assert.Equal(1, events.Count(e => e == "ServiceLevelBreached"));
        }
    }

    [Fact]
    public async Task A_paused_clock_does_not_warn_and_warns_later_by_the_paused_time_once_resumed()
    {
        await using var world = await ServiceLevelWorld.CreateAsync(database, Target);
        var start = world.Time.GetUtcNow();
        var conversation = await world.CustomerWritesAsync("Can you check my order?");
        await world.StartSchedulerAsync();

        world.AdvanceTo(start + TimeSpan.FromMinutes(2));
        await world.ChangeAsync(conversation, (c, now) => c.ChangeStatus(ConversationStatuses.Pending, "agent", now));
        world.AdvanceTo(start + TimeSpan.FromMinutes(20));
        await Task.Delay(Grace, _cancellation);
        var paused = await world.ClockAsync(conversation, ServiceLevelMetrics.FirstResponse);
        Assert.Null(paused.WarnedAt);
        Assert.Equal(ServiceLevelOutcomes.Paused, paused.Outcome);
        Assert.Equal(TimeSpan.FromMinutes(2), paused.Elapsed);

        // The customer writes again at minute 20: 6 more minutes to the warning (8 of 10), 8 to the breach.
        await world.CustomerWritesAsync("Any news?", threadId: null, handle: null);
        await world.ChangeAsync(conversation, (c, now) => c.ChangeStatus(ConversationStatuses.Open, "agent", now));
        var resumed = await world.ClockAsync(conversation, ServiceLevelMetrics.FirstResponse);
        Assert.Equal(start + TimeSpan.FromMinutes(26), resumed.WarnAt);
        Assert.Equal(start + TimeSpan.FromMinutes(28), resumed.DueAt);

        world.AdvanceTo(start + TimeSpan.FromMinutes(26));
        await Eventually.TrueAsync(async () => (await world.ClockAsync(conversation, ServiceLevelMetrics.FirstResponse)).WarnedAt is not null, _cancellation);
        Assert.Equal(start + TimeSpan.FromMinutes(26), (await world.ClockAsync(conversation, ServiceLevelMetrics.FirstResponse)).WarnedAt);
    }

    [Fact]
    public async Task A_breach_escalation_rule_raises_priority_and_says_who_and_why()
    {
        await using var world = await ServiceLevelWorld.CreateAsync(database, Target);
        var conversation = await world.CustomerWritesAsync("Nobody answers me");
        var ruleName = $"breach {world.Marker}";
        await using (var db = database.NewDbContext())
        {
            var rule = Domain.Routing.RoutingRule.New(
                ruleName, 900, true,
                [new SocialEnterprise.Contracts.Routing.RoutingCondition(SocialEnterprise.Contracts.Routing.EscalationFields.Metric, [ServiceLevelMetrics.FirstResponse]),
                 new SocialEnterprise.Contracts.Routing.RoutingCondition(SocialEnterprise.Contracts.Routing.EscalationFields.Priority, [Priorities.Low, Priorities.Normal, Priorities.High])],
                [new SocialEnterprise.Contracts.Routing.RoutingAction(SocialEnterprise.Contracts.Routing.RoutingActionTypes.RaisePriority, Priority: Priorities.Urgent),
                 new SocialEnterprise.Contracts.Routing.RoutingAction(SocialEnterprise.Contracts.Routing.RoutingActionTypes.NotifyManager)],
                false, "test", world.Time.GetUtcNow());
            rule.TriggerOn(SocialEnterprise.Contracts.Routing.RoutingTriggers.SlaBreach);
            db.RoutingRules.Add(rule);
            await db.SaveChangesAsync(_cancellation);
        }

        await world.StartSchedulerAsync();
        world.AdvanceTo(world.Time.GetUtcNow() + Target);
        await Eventually.TrueAsync(async () => (await world.EventsAsync(conversation)).Contains("ConversationEscalated"), _cancellation);

        await using var check = database.NewDbContext();
        Assert.Equal(Priorities.Urgent, (await check.Conversations.SingleAsync(c => c.Id == conversation, _cancellation)).Priority);
        var audit = await check.AuditLog.Where(a => a.Target == $"conversation/{conversation}" && a.Action == "conversation.escalated").ToListAsync(_cancellation);
        Assert.Contains(audit, a => a.Detail == $"Raised to urgent by rule “{ruleName}” (#900) because the first response breached");
        var events = await world.EventsAsync(conversation);
        Assert.Contains("ConversationPriorityChanged", events);
        // The re-targeted clocks of an urgent conversation: the resolution clock moved with the priority (same target here).
        Assert.Equal(Priorities.Urgent, (await world.ClockAsync(conversation, ServiceLevelMetrics.Resolution)).Priority);
    }
}
