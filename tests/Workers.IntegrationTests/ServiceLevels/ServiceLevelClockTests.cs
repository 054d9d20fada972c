using Microsoft.EntityFrameworkCore;
using SocialEnterprise.Contracts.Collaboration;
using SocialEnterprise.Contracts.Conversations;
using SocialEnterprise.Contracts.ServiceLevels;
using SocialEnterprise.Domain.Collaboration;
using SocialEnterprise.Domain.Conversations;
using SocialEnterprise.Domain.ServiceLevels;
using SocialEnterprise.Infrastructure.Collaboration;
using SocialEnterprise.Infrastructure.Conversations;
using SocialEnterprise.Infrastructure.ServiceLevels;

namespace SocialEnterprise.Workers.IntegrationTests.ServiceLevels;

/// <summary>
/// The clocks kept with their conversation through the real paths: the intake opens and reopens it, staff change its
/// status, a reply is recorded, an escalation raises its priority, a consult is requested and answered. Business time,
/// pauses and the consult's roll-up into the customer's clock.
/// </summary>
public sealed class ServiceLevelClockTests(MigratedDatabase database) : IClassFixture<MigratedDatabase>
{
    private static readonly TimeSpan Target = TimeSpan.FromMinutes(30);

    private readonly CancellationToken _cancellation = TestContext.Current.CancellationToken;

    [Fact]
    public async Task First_response_runs_from_when_the_customer_wrote_to_the_first_reply()
    {
        await using var world = await ServiceLevelWorld.CreateAsync(database, Target);
        var start = world.Time.GetUtcNow();
        var conversation = await world.CustomerWritesAsync("Where is my refund? I asked last week.", writtenAgo: TimeSpan.FromMinutes(5));

        var clock = await world.ClockAsync(conversation, ServiceLevelMetrics.FirstResponse);
        Assert.Equal(start - TimeSpan.FromMinutes(5), clock.StartedAt);
        Assert.Equal(start + TimeSpan.FromMinutes(25), clock.DueAt);
        Assert.Equal(world.Policy, clock.Policy);
        await using (var db = database.NewDbContext())
        {
            // The inbox's response clock is the same promise.
            Assert.Equal(clock.DueAt, (await db.Conversations.SingleAsync(c => c.Id == conversation, _cancellation)).ResponseDueAt);
        }

        world.AdvanceTo(start + TimeSpan.FromMinutes(10));
        await world.ChangeAsync(conversation, (c, now) => c.Replied(Guid.NewGuid(), null, "Agent", "public", now));

        var stopped = await world.ClockAsync(conversation, ServiceLevelMetrics.FirstResponse);
        Assert.Equal(ServiceLevelOutcomes.Met, stopped.Outcome);
        Assert.Equal(TimeSpan.FromMinutes(15), stopped.Elapsed);
        Assert.Equal(start + TimeSpan.FromMinutes(10), stopped.StoppedAt);
        Assert.Null(stopped.DueAt);
    }

    [Fact]
    public async Task Next_response_runs_from_the_customers_message_after_a_reply_to_the_next_reply_and_breaches_if_late()
    {
        await using var world = await ServiceLevelWorld.CreateAsync(database, Target);
        var start = world.Time.GetUtcNow();
        var handle = $"n{Guid.NewGuid():N}"[..12];
        var conversation = await world.CustomerWritesAsync("My parcel never arrived, what now?", handle: handle, threadId: $"th-{handle}");
        await world.ChangeAsync(conversation, (c, now) => c.Replied(Guid.NewGuid(), null, "Agent", "public", now));

        world.AdvanceTo(start + TimeSpan.FromMinutes(5));
        Assert.Equal(conversation, await world.CustomerWritesAsync("Still nothing here, can you check?", handle: handle, threadId: $"th-{handle}"));
        var next = await world.ClockAsync(conversation, ServiceLevelMetrics.NextResponse);
        Assert.Equal(start + TimeSpan.FromMinutes(5), next.StartedAt);
        Assert.Equal(start + TimeSpan.FromMinutes(35), next.DueAt);

        world.AdvanceTo(start + TimeSpan.FromMinutes(40));
        await world.ChangeAsync(conversation, (c, now) => c.Replied(Guid.NewGuid(), null, "Agent", "public", now));
        next = await world.ClockAsync(conversation, ServiceLevelMetrics.NextResponse);
        Assert.Equal(ServiceLevelOutcomes.Breached, next.Outcome);
        Assert.Equal(TimeSpan.FromMinutes(35), next.Elapsed);
        Assert.Equal(start + TimeSpan.FromMinutes(35), next.BreachedAt);
    }

    [Fact]
    public async Task Resolution_pauses_while_pending_and_stops_when_resolved()
    {
        await using var world = await ServiceLevelWorld.CreateAsync(database, Target, resolution: TimeSpan.FromHours(2));
        var start = world.Time.GetUtcNow();
        var conversation = await world.CustomerWritesAsync("My invoice is wrong, please fix it.");

        world.AdvanceTo(start + TimeSpan.FromMinutes(20));
        await world.ChangeAsync(conversation, (c, now) => c.ChangeStatus(ConversationStatuses.Pending, "agent", now));
        var paused = await world.ClockAsync(conversation, ServiceLevelMetrics.Resolution);
        Assert.Equal(ServiceLevelOutcomes.Paused, paused.Outcome);
        Assert.Null(paused.DueAt);

        world.AdvanceTo(start + TimeSpan.FromHours(5));
        await world.ChangeAsync(conversation, (c, now) => c.ChangeStatus(ConversationStatuses.Open, "agent", now));
        var resumed = await world.ClockAsync(conversation, ServiceLevelMetrics.Resolution);
        Assert.Equal(start + TimeSpan.FromHours(5) + TimeSpan.FromMinutes(100), resumed.DueAt);

        world.AdvanceTo(start + TimeSpan.FromHours(6));
        await world.ChangeAsync(conversation, (c, now) => c.ChangeStatus(ConversationStatuses.Resolved, "agent", now));
        var resolved = await world.ClockAsync(conversation, ServiceLevelMetrics.Resolution);
        Assert.Equal(ServiceLevelOutcomes.Met, resolved.Outcome);
        Assert.Equal(TimeSpan.FromMinutes(80), resolved.Elapsed);
        // Resolved without a reply: the first response is no longer owed.
        Assert.Equal(ServiceLevelOutcomes.Cancelled, (await world.ClockAsync(conversation, ServiceLevelMetrics.FirstResponse)).Outcome);
    }

    [Fact]
    public async Task Office_hours_count_only_business_time_over_a_weekend()
    {
        // Friday 27 November 2026, 16:00 in Berlin (15:00 UTC); the office calendar is open 9–17 on weekdays.
        await using var world = await ServiceLevelWorld.CreateAsync(
            database, TimeSpan.FromHours(2), calendar: SlaCalendarNames.Office, start: new DateTimeOffset(2026, 11, 27, 15, 0, 0, TimeSpan.Zero));
        var conversation = await world.CustomerWritesAsync("The contract terms are unclear, can you explain clause 4?");

        var clock = await world.ClockAsync(conversation, ServiceLevelMetrics.FirstResponse);
        // One hour on Friday, one on Monday from 9:00 Berlin (8:00 UTC).
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero), clock.DueAt);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 8, 36, 0, TimeSpan.Zero), clock.WarnAt);

        world.AdvanceTo(new DateTimeOffset(2026, 11, 30, 8, 30, 0, TimeSpan.Zero));
        await world.ChangeAsync(conversation, (c, now) => c.Replied(Guid.NewGuid(), null, "Agent", "public", now));
        var stopped = await world.ClockAsync(conversation, ServiceLevelMetrics.FirstResponse);
        Assert.Equal(TimeSpan.FromMinutes(90), stopped.Elapsed);
        Assert.Equal(ServiceLevelOutcomes.Met, stopped.Outcome);
    }

    [Fact]
    public async Task A_raised_priority_retargets_the_running_clocks_keeping_the_time_used()
    {
        await using var world = await ServiceLevelWorld.CreateAsync(database, Target);
        var start = world.Time.GetUtcNow();
        var conversation = await world.CustomerWritesAsync("I was charged twice, please refund one.");
        await using (var db = database.NewDbContext())
        {
            var policy = await db.SlaPolicies.SingleAsync(p => p.Name == world.Policy, _cancellation);
            policy.Change(policy.Description, policy.Calendar,
                [.. policy.Targets.Where(t => !(t.Metric == ServiceLevelMetrics.FirstResponse && t.Priority == Priorities.Urgent)),
                 new SlaTarget(ServiceLevelMetrics.FirstResponse, Priorities.Urgent, TimeSpan.FromMinutes(12))],
                policy.Olas, "test", start);
            await db.SaveChangesAsync(_cancellation);
        }

        world.AdvanceTo(start + TimeSpan.FromMinutes(4));
        await world.ChangeAsync(conversation, (c, now) => c.ChangePriority(Priorities.Urgent, "test", "test", now));

        var clock = await world.ClockAsync(conversation, ServiceLevelMetrics.FirstResponse);
        Assert.Equal(Priorities.Urgent, clock.Priority);
        Assert.Equal(TimeSpan.FromMinutes(12), clock.Target);
        Assert.Equal(start + TimeSpan.FromMinutes(12), clock.DueAt);
    }

    [Fact]
    public async Task A_consults_OLA_rolls_up_into_the_customers_clock_and_a_late_one_is_a_risk()
    {
        await using var world = await ServiceLevelWorld.CreateAsync(database, TimeSpan.FromHours(4));
        var start = world.Time.GetUtcNow();
        var conversation = await world.CustomerWritesAsync("Is this contract clause legal? Please check.");
        await using (var db = database.NewDbContext())
        {
            var policy = await db.SlaPolicies.SingleAsync(p => p.Name == world.Policy, _cancellation);
            policy.Change(policy.Description, policy.Calendar, policy.Targets, [new DepartmentOla("legal", TimeSpan.FromHours(2))], "test", start);
            await db.SaveChangesAsync(_cancellation);
        }

        Guid consultId;
        await using (var db = database.NewDbContext())
        {
            var c = await db.Conversations.SingleAsync(x => x.Id == conversation, _cancellation);
            var consult = Consult.Request(c, c.Department, "legal", Guid.NewGuid(), "Agent", "Can we say this?", Priorities.Normal, null,
                TimeSpan.FromHours(8), start);
            db.Consults.Add(consult);
            await db.SaveChangesAsync(_cancellation);
            consultId = consult.Id;
            Assert.Equal(start + TimeSpan.FromHours(2), consult.DueAt);
        }

        world.AdvanceTo(start + TimeSpan.FromHours(1));
        await using (var db = database.NewDbContext())
        {
            var standing = await ServiceLevelStanding.ReadAsync(db, conversation, world.Time.GetUtcNow(), _cancellation);
            var rollup = Assert.Single(standing.Consults);
            Assert.Equal(consultId, rollup.ConsultId);
            Assert.Equal(TimeSpan.FromHours(1), rollup.ConsultRemaining);
            Assert.Equal(TimeSpan.FromHours(3), rollup.CustomerRemaining);
            Assert.False(rollup.RisksCustomerPromise);
            Assert.Equal("Legal has 1 h of your 3 h left", rollup.Text);
        }

        // A second consult, to engineering with 8 h (no OLA in the policy): due after the customer's promise.
        await using (var db = database.NewDbContext())
        {
            var c = await db.Conversations.SingleAsync(x => x.Id == conversation, _cancellation);
            db.Consults.Add(Consult.Request(c, c.Department, "engineering", Guid.NewGuid(), "Agent", "Is it a bug?", Priorities.Normal, null,
                TimeSpan.FromHours(8), world.Time.GetUtcNow()));
            await db.SaveChangesAsync(_cancellation);
            var standing = await ServiceLevelStanding.ReadAsync(db, conversation, world.Time.GetUtcNow(), _cancellation);
            var late = standing.Consults.Single(r => r.Department == "engineering");
            Assert.True(late.RisksCustomerPromise);
            Assert.StartsWith("Engineering has 8 h of your 3 h left: due after", late.Text, StringComparison.Ordinal);
        }

        // Answered: the consult's clock stops, met.
        await using (var db = database.NewDbContext())
        {
            var consult = await db.Consults.SingleAsync(x => x.Id == consultId, _cancellation);
            consult.AnswerWith(Guid.NewGuid(), "Lee Legal", "Yes, fine.", Guid.NewGuid(), world.Time.GetUtcNow());
            await db.SaveChangesAsync(_cancellation);
            var clock = await db.ServiceLevelClocks.SingleAsync(x => x.ConsultId == consultId, _cancellation);
            Assert.Equal(ServiceLevelOutcomes.Met, clock.Outcome);
            Assert.Equal(TimeSpan.FromHours(1), clock.Elapsed);
        }
    }
}
