using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SocialEnterprise.Contracts.Audit;
using SocialEnterprise.Contracts.Conversations;
using SocialEnterprise.Contracts.Routing;
using SocialEnterprise.Contracts.ServiceLevels;
using SocialEnterprise.Contracts.Staff;
using SocialEnterprise.Domain.Audit;
using SocialEnterprise.Domain.Conversations;
using SocialEnterprise.Domain.Routing;
using SocialEnterprise.Domain.ServiceLevels;
using SocialEnterprise.Domain.Staff;
using SocialEnterprise.Infrastructure.Audit;
using SocialEnterprise.Infrastructure.Conversations;
using SocialEnterprise.Infrastructure.Routing;
using SocialEnterprise.Infrastructure.ServiceLevels;
using SocialEnterprise.Infrastructure.Staff;

namespace SocialEnterprise.Api.IntegrationTests.ServiceLevels;

/// <summary>SLA policies and calendars through the Api: seeded, written by admins with field-named problems, audited, and what routing rules may apply.</summary>
public sealed class ServiceLevelsApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private readonly CancellationToken _cancellation = TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_seeded_policies_and_calendars_are_there_for_staff_to_read()
    {
        using var agent = api.CreateStaffClient(StaffRoles.Agent, "support");
        var policies = (await agent.GetFromJsonAsync<List<SlaPolicyView>>("api/sla/policies", _cancellation))!;
        var calendars = (await agent.GetFromJsonAsync<List<SlaCalendarView>>("api/sla/calendars", _cancellation))!;

        Assert.Equal(["legal", "premium", "standard"], policies.Select(p => p.Name).Order(StringComparer.Ordinal));
        var standard = policies.Single(p => p.Name == SlaPolicy.Standard);
        Assert.Equal(TimeSpan.FromHours(1), standard.Targets.Single(t => t.Metric == ServiceLevelMetrics.FirstResponse && t.Priority == Priorities.Urgent).Target);
        Assert.Contains(calendars, c => c.Name == SlaCalendarNames.Office && c.TimeZone == "Europe/Berlin" && c.Holidays.Count > 0);
    }

    [Fact]
    public async Task Admins_create_change_and_delete_a_policy_and_calendar_and_each_change_is_audited()
    {
        using var admin = api.CreateClient();
        var calendar = $"cal-{Guid.NewGuid():N}"[..20];
        var policy = $"pol-{Guid.NewGuid():N}"[..20];
        using (var created = await admin.PostAsJsonAsync("api/sla/calendars", new SlaCalendarRequest(
                   calendar, "Europe/Berlin", [new OpenHours(DayOfWeek.Monday, TimeSpan.FromHours(8), TimeSpan.FromHours(12))],
                   [new Holiday(new DateOnly(2026, 12, 24), "Christmas Eve")]), _cancellation))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        using (var created = await admin.PostAsJsonAsync("api/sla/policies", Policy(policy, calendar), _cancellation))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        using (var changed = await admin.PutAsJsonAsync($"api/sla/policies/{policy}", Policy(policy, SlaCalendarNames.AroundTheClock) with { Description = "faster" }, _cancellation))
        {
            Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
            Assert.Equal(SlaCalendarNames.AroundTheClock, (await changed.Content.ReadFromJsonAsync<SlaPolicyView>(_cancellation))!.Calendar);
        }

        // A routing rule may now apply it; while one does, it cannot be deleted.
        using (var rule = await admin.PostAsJsonAsync("api/routing-rules", new RoutingRuleRequest(
                   $"apply {policy}", true, [new RoutingCondition(RoutingFields.Keywords, [policy])],
                   [new RoutingAction(RoutingActionTypes.ApplySlaPolicy, SlaPolicy: policy)], false), _cancellation))
        {
            Assert.Equal(HttpStatusCode.Created, rule.StatusCode);
            var ruleId = (await rule.Content.ReadFromJsonAsync<RoutingRuleView>(_cancellation))!.Id;
            using var refused = await admin.DeleteAsync($"api/sla/policies/{policy}", _cancellation);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            (await admin.DeleteAsync($"api/routing-rules/{ruleId}", _cancellation)).Dispose();
        }

        using (var deleted = await admin.DeleteAsync($"api/sla/policies/{policy}", _cancellation))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        using (var deleted = await admin.DeleteAsync($"api/sla/calendars/{calendar}", _cancellation))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        await using var db = api.NewDbContext();
        var audited = await db.AuditLog.Where(e => e.Target == $"sla-policy/{policy}" || e.Target == $"sla-calendar/{calendar}")
            .OrderBy(e => e.Id).Select(e => e.Action).ToListAsync(_cancellation);
        Assert.Equal(
            [AuditActions.SlaCalendarCreated, AuditActions.SlaPolicyCreated, AuditActions.SlaPolicyChanged, AuditActions.SlaPolicyDeleted, AuditActions.SlaCalendarDeleted],
            audited);
    }

    [Fact]
    public async Task Invalid_policies_and_calendars_are_refused_naming_the_field_and_nothing_is_stored()
    {
        using var admin = api.CreateClient();
        var bad = Policy("Bad Name!", "nowhere") with
        {
            Targets = [.. Policy("x", "y").Targets!.Skip(1), new SlaTarget(ServiceLevelMetrics.Resolution, Priorities.Low, TimeSpan.FromSeconds(5), "pigeon")],
            Olas = [new DepartmentOla("space", TimeSpan.FromHours(1))],
        };
        using var response = await admin.PostAsJsonAsync("api/sla/policies", bad, _cancellation);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<ValidationProblemDetails>(_cancellation))!;
        Assert.Contains("name", problem.Errors.Keys);
        Assert.Contains("calendar", problem.Errors.Keys);
        Assert.Contains("targets[11].channel", problem.Errors.Keys);
        Assert.Contains("olas[0].department", problem.Errors.Keys);

        using var missing = await admin.PostAsJsonAsync("api/sla/policies", Policy("missing-one", SlaCalendarNames.Office) with { Targets = Policy("x", "y").Targets!.Skip(1).ToList() }, _cancellation);
        var missingProblem = (await missing.Content.ReadFromJsonAsync<ValidationProblemDetails>(_cancellation))!;
        Assert.Contains("targets", missingProblem.Errors.Keys);

        using var calendar = await admin.PostAsJsonAsync("api/sla/calendars", new SlaCalendarRequest(
            "odd-hours", "Mars/Olympus", [new OpenHours(DayOfWeek.Monday, TimeSpan.FromHours(10), TimeSpan.FromHours(9))], []), _cancellation);
        var calendarProblem = (await calendar.Content.ReadFromJsonAsync<ValidationProblemDetails>(_cancellation))!;
        Assert.Contains("timeZone", calendarProblem.Errors.Keys);
        Assert.Contains("hours[0].closes", calendarProblem.Errors.Keys);

        await using var db = api.NewDbContext();
        Assert.False(await db.SlaPolicies.AnyAsync(p => p.Name == "missing-one", _cancellation));
        Assert.False(await db.SlaCalendars.AnyAsync(c => c.Name == "odd-hours", _cancellation));
    }

    [Fact]
    public async Task Escalation_rules_take_only_escalation_actions_and_routing_rules_only_routing_ones()
    {
        using var admin = api.CreateClient();
        using var wrong = await admin.PostAsJsonAsync("api/routing-rules", new RoutingRuleRequest(
            $"esc {Guid.NewGuid():N}", true, [new RoutingCondition(RoutingFields.Keywords, ["x"])],
            [new RoutingAction(RoutingActionTypes.Route, Department: "support")], false, RoutingTriggers.SlaBreach), _cancellation);
        var problem = (await wrong.Content.ReadFromJsonAsync<ValidationProblemDetails>(_cancellation))!;
        Assert.Contains("conditions[0].field", problem.Errors.Keys);
        Assert.Contains("actions[0].type", problem.Errors.Keys);

        using var right = await admin.PostAsJsonAsync("api/routing-rules", new RoutingRuleRequest(
            $"esc {Guid.NewGuid():N}", true, [new RoutingCondition(EscalationFields.Metric, [ServiceLevelMetrics.FirstResponse])],
            [new RoutingAction(RoutingActionTypes.RaisePriority), new RoutingAction(RoutingActionTypes.NotifyManager)], false, RoutingTriggers.SlaBreach), _cancellation);
        Assert.Equal(HttpStatusCode.Created, right.StatusCode);
        var rule = (await right.Content.ReadFromJsonAsync<RoutingRuleView>(_cancellation))!;
        Assert.Equal(RoutingTriggers.SlaBreach, rule.Trigger);
        (await admin.DeleteAsync($"api/routing-rules/{rule.Id}", _cancellation)).Dispose();

        using var routingWithEscalation = await admin.PostAsJsonAsync("api/routing-rules", new RoutingRuleRequest(
            $"r {Guid.NewGuid():N}", true, [], [new RoutingAction(RoutingActionTypes.Reassign)], false), _cancellation);
        Assert.Contains("actions[0].type", (await routingWithEscalation.Content.ReadFromJsonAsync<ValidationProblemDetails>(_cancellation))!.Errors.Keys);
    }

    private static SlaPolicyRequest Policy(string name, string calendar) => new(
        name, "test", calendar, [.. SlaPolicy.Uniform(SlaDefaults.StandardResponse, 2)], [new DepartmentOla("legal", TimeSpan.FromHours(2))]);
}
