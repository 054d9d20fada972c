using Microsoft.EntityFrameworkCore;
using SocialEnterprise.Contracts.ServiceLevels;
using SocialEnterprise.Domain.ServiceLevels;
using SocialEnterprise.Infrastructure.ServiceLevels;
using SocialEnterprise.TestSupport;

namespace SocialEnterprise.Workers.IntegrationTests.ServiceLevels;

/// <summary>
/// Escalation actions with staff in the department (a database of its own, since available staff change who gets
/// new conversations and whether a breach is predicted).
/// </summary>
public sealed class ServiceLevelEscalationTests(MigratedDatabase database) : IClassFixture<MigratedDatabase>
{
    private static readonly TimeSpan Target = TimeSpan.FromMinutes(10);

    private readonly CancellationToken _cancellation = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_warning_escalation_rule_reassigns_to_the_least_loaded_available_member_and_notifies_the_managers()
    {
        await using var world = await ServiceLevelWorld.CreateAsync(database, Target);
        var conversation = await world.CustomerWritesAsync("Why was my order cancelled without notice?");
        string department;
        Guid manager, busy, free;
        await using (var db = database.NewDbContext())
        {
            department = (await db.Conversations.SingleAsync(c => c.Id == conversation, _cancellation)).Department;
            var role = await db.Roles.SingleOrDefaultAsync(r => r.Name == SocialEnterprise.Contracts.Staff.StaffRoles.Manager, _cancellation);
            if (role is null)
            {
                role = new Microsoft.AspNetCore.Identity.IdentityRole<Guid>(SocialEnterprise.Contracts.Staff.StaffRoles.Manager)
                {
                    Id = Guid.NewGuid(), NormalizedName = SocialEnterprise.Contracts.Staff.StaffRoles.Manager.ToUpperInvariant(),
                };
                db.Roles.Add(role);
            }

            SocialEnterprise.Infrastructure.Staff.StaffUser Member(string name, string availability)
            {
                var user = new SocialEnterprise.Infrastructure.Staff.StaffUser
                {
                    Id = Guid.NewGuid(), UserName = $"{name}{world.Marker}", DisplayName = $"{name} {world.Marker}", Availability = availability,
                };
                user.Departments.Add(new Domain.Staff.DepartmentMembership { StaffUserId = user.Id, DepartmentId = department });
                db.Users.Add(user);
                return user;
            }

            manager = Member("manager", SocialEnterprise.Contracts.Staff.StaffAvailability.Offline).Id;
            busy = Member("busy", SocialEnterprise.Contracts.Staff.StaffAvailability.Available).Id;
            free = Member("free", SocialEnterprise.Contracts.Staff.StaffAvailability.Available).Id;
            db.UserRoles.Add(new Microsoft.AspNetCore.Identity.IdentityUserRole<Guid> { UserId = manager, RoleId = role.Id });
            await db.SaveChangesAsync(_cancellation);

            // "busy" already holds an open conversation (this one, for now): "free" is the least loaded.
            var held = await db.Conversations.SingleAsync(c => c.Id == conversation, _cancellation);
            held.Assign(busy, "busy", "test", world.Time.GetUtcNow());
            var rule = Domain.Routing.RoutingRule.New(
                $"warn {world.Marker}", 901, true, [new SocialEnterprise.Contracts.Routing.RoutingCondition(SocialEnterprise.Contracts.Routing.EscalationFields.Department, [department])],
                [new SocialEnterprise.Contracts.Routing.RoutingAction(SocialEnterprise.Contracts.Routing.RoutingActionTypes.Reassign), new SocialEnterprise.Contracts.Routing.RoutingAction(SocialEnterprise.Contracts.Routing.RoutingActionTypes.NotifyManager)],
                true, "test", world.Time.GetUtcNow());
            rule.TriggerOn(SocialEnterprise.Contracts.Routing.RoutingTriggers.SlaWarning);
            db.RoutingRules.Add(rule);
            await db.SaveChangesAsync(_cancellation);
        }

        await world.StartSchedulerAsync();
        world.AdvanceTo(world.Time.GetUtcNow() + Target * 0.8);
        await Eventually.TrueAsync(async () => (await world.EventsAsync(conversation)).Count(e => e == "ConversationEscalated") == 2, _cancellation);

        await using var check = database.NewDbContext();
        Assert.Equal(free, (await check.Conversations.SingleAsync(c => c.Id == conversation, _cancellation)).AssigneeId);
        var audit = await check.AuditLog.Where(a => a.Target == $"conversation/{conversation}" && a.Action == "conversation.escalated")
            .Select(a => a.Detail).ToListAsync(_cancellation);
        Assert.Contains($"Reassigned to free {world.Marker} by rule “warn {world.Marker}” (#901) because the first response is at risk", audit);
        Assert.Contains(audit, detail => detail!.StartsWith($"manager {world.Marker} notified by rule", StringComparison.Ordinal));
        var kinds = await check.StaffNotifications.Where(n => n.RecipientId == manager).Select(n => n.Kind).ToListAsync(_cancellation);
        // The manager hears of the warning itself and of the escalation.
        Assert.Contains(SocialEnterprise.Contracts.Collaboration.NotificationKinds.SlaWarning, kinds);
        Assert.Contains(SocialEnterprise.Contracts.Collaboration.NotificationKinds.Escalation, kinds);
        // It names the customer, the conversation and the department, not an identifier and a UTC time.
        var warning = await check.StaffNotifications
            .Where(n => n.RecipientId == manager && n.Kind == SocialEnterprise.Contracts.Collaboration.NotificationKinds.SlaWarning)
            .Select(n => n.Text).SingleAsync(_cancellation);
        var departmentName = (await check.Departments.SingleAsync(d => d.Id == department, _cancellation)).Name;
        Assert.StartsWith($"At risk: the first response to Casey Customer (“Why was my order cancelled without notice?", warning, StringComparison.Ordinal);
        Assert.Contains($"in {departmentName} is due in ", warning, StringComparison.Ordinal);
        Assert.DoesNotContain("UTC", warning, StringComparison.Ordinal);
        Assert.Contains(free, await check.StaffNotifications.Where(n => n.Kind == SocialEnterprise.Contracts.Collaboration.NotificationKinds.Assignment).Select(n => n.RecipientId).ToListAsync(_cancellation));
        // Held by an available member at half time: no breach was predicted.
        Assert.DoesNotContain("ServiceLevelBreachPredicted", await world.EventsAsync(conversation));
        // The clock follows its new assignee.
        Assert.Equal(free, (await world.ClockAsync(conversation, ServiceLevelMetrics.FirstResponse)).AssigneeId);
    }
}
