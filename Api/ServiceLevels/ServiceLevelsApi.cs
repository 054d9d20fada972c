using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SocialEnterprise.Api.Access;
using SocialEnterprise.Contracts.Access;
using SocialEnterprise.Contracts.Audit;
using SocialEnterprise.Contracts.Routing;
using SocialEnterprise.Contracts.ServiceLevels;
using SocialEnterprise.Domain.ServiceLevels;
using SocialEnterprise.Infrastructure.Conversations;
using SocialEnterprise.Infrastructure.Persistence;
using SocialEnterprise.Infrastructure.ServiceLevels;

namespace SocialEnterprise.Api.ServiceLevels;

/// <summary>
/// SLA policies and business calendars: staff read them, admins write them (validated field by field, audited). A
/// policy in use by a routing rule, or a calendar in use by a policy, cannot be deleted; nor can "standard".
/// </summary>
public static class ServiceLevelsApi
{
    public static IEndpointRouteBuilder MapServiceLevelsApi(this IEndpointRouteBuilder app)
    {
        var policies = app.MapGroup("api/sla/policies").WithTags("SLA");
        policies.MapGet("/", ListPoliciesAsync).RequirePermission(Permission.Read).WithSummary("The SLA policies");
        policies.MapPost("/", CreatePolicyAsync).RequirePermission(Permission.Administer).WithSummary("Add an SLA policy");
        policies.MapPut("/{name}", ChangePolicyAsync).RequirePermission(Permission.Administer).WithSummary("Change an SLA policy (running clocks keep their targets until their conversation changes)");
        policies.MapDelete("/{name}", DeletePolicyAsync).RequirePermission(Permission.Administer).WithSummary("Delete an SLA policy no rule applies");

        var calendars = app.MapGroup("api/sla/calendars").WithTags("SLA");
        calendars.MapGet("/", ListCalendarsAsync).RequirePermission(Permission.Read).WithSummary("The business calendars");
        calendars.MapPost("/", CreateCalendarAsync).RequirePermission(Permission.Administer).WithSummary("Add a business calendar");
        calendars.MapPut("/{name}", ChangeCalendarAsync).RequirePermission(Permission.Administer).WithSummary("Change a business calendar");
        calendars.MapDelete("/{name}", DeleteCalendarAsync).RequirePermission(Permission.Administer).WithSummary("Delete a business calendar no policy uses");

        app.MapGet("api/conversations/{id:guid}/sla", ConversationAsync).WithTags("SLA").RequirePermission(Permission.Read)
            .WithSummary("A conversation's service-level clocks, its consults rolled up into the customer's clock, and a banner line");
        return app;
    }

    public static async Task<Results<Ok<ConversationServiceLevels>, NotFound>> ConversationAsync(
        Guid id, [AsParameters] ApiServices services, CancellationToken cancellationToken)
    {
        if (!await services.Db.Conversations.AsNoTracking().VisibleTo(services.Caller, services.Db).AnyAsync(c => c.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(await ServiceLevelStanding.ReadAsync(services.Db, id, services.Now, cancellationToken));
    }

    public static async Task<Ok<List<SlaPolicyView>>> ListPoliciesAsync([AsParameters] ApiServices services, CancellationToken cancellationToken) =>
        TypedResults.Ok((await services.Db.SlaPolicies.AsNoTracking().OrderBy(p => p.Name).ToListAsync(cancellationToken)).ConvertAll(ServiceLevelViews.SlaPolicyView));

    public static async Task<Results<Created<SlaPolicyView>, ValidationProblem>> CreatePolicyAsync(
        SlaPolicyRequest request, [AsParameters] ApiServices services, CancellationToken cancellationToken)
    {
        var errors = await ValidateAsync(services.Db, request, checkName: true, cancellationToken);
        if (errors.Count == 0 && await services.Db.SlaPolicies.AnyAsync(p => p.Name == request.Name!.Trim(), cancellationToken))
        {
            errors["name"] = ["A policy with this name exists."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var policy = SlaPolicy.New(
            request.Name!, request.Description ?? "", request.Calendar!, request.Targets!.Select(t => t!), (request.Olas ?? []).Select(o => o!), services.Caller.Name, services.Now);
        services.Db.SlaPolicies.Add(policy);
        await services.SaveAuditedAsync(AuditActions.SlaPolicyCreated, $"sla-policy/{policy.Name}", Describe(policy), cancellationToken);
        return TypedResults.Created($"/api/sla/policies/{policy.Name}", ServiceLevelViews.SlaPolicyView(policy));
    }

    public static async Task<Results<Ok<SlaPolicyView>, NotFound, ValidationProblem>> ChangePolicyAsync(
        string name, SlaPolicyRequest request, [AsParameters] ApiServices services,
        CancellationToken cancellationToken)
    {
        var policy = await services.Db.SlaPolicies.SingleOrDefaultAsync(p => p.Name == name, cancellationToken);
        if (policy is null)
        {
            return TypedResults.NotFound();
        }

        var errors = await ValidateAsync(services.Db, request, checkName: false, cancellationToken);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var before = Describe(policy);
        policy.Change(request.Description ?? policy.Description, request.Calendar!, request.Targets!.Select(t => t!), (request.Olas ?? []).Select(o => o!), services.Caller.Name, services.Now);
        await services.SaveAuditedAsync(AuditActions.SlaPolicyChanged, $"sla-policy/{policy.Name}", $"{before} -> {Describe(policy)}", cancellationToken);
        return TypedResults.Ok(ServiceLevelViews.SlaPolicyView(policy));
    }

    public static async Task<Results<NoContent, NotFound, ValidationProblem>> DeletePolicyAsync(
        string name, [AsParameters] ApiServices services, CancellationToken cancellationToken)
    {
        var policy = await services.Db.SlaPolicies.SingleOrDefaultAsync(p => p.Name == name, cancellationToken);
        if (policy is null)
        {
            return TypedResults.NotFound();
        }

        if (policy.Name == SlaPolicy.Standard)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["name"] = ["The standard policy applies to every conversation without another one: change it instead."] });
        }

        var rules = await services.Db.RoutingRules.AsNoTracking().ToListAsync(cancellationToken);
        if (rules.Where(r => r.Actions.Any(a => a.Type == RoutingActionTypes.ApplySlaPolicy && a.SlaPolicy == name)).Select(r => $"#{r.Position} {r.Name}").ToList() is { Count: > 0 } users)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["name"] = [$"Routing rules apply it: {string.Join(", ", users)}."] });
        }

        await services.RemoveAuditedAsync(policy, AuditActions.SlaPolicyDeleted, $"sla-policy/{policy.Name}", Describe(policy), cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<List<SlaCalendarView>>> ListCalendarsAsync([AsParameters] ApiServices services, CancellationToken cancellationToken) =>
        TypedResults.Ok((await services.Db.SlaCalendars.AsNoTracking().OrderBy(c => c.Name).ToListAsync(cancellationToken)).ConvertAll(ServiceLevelViews.SlaCalendarView));

    public static async Task<Results<Created<SlaCalendarView>, ValidationProblem>> CreateCalendarAsync(
        SlaCalendarRequest request, [AsParameters] ApiServices services, CancellationToken cancellationToken)
    {
        var errors = SlaValidation.Validate(request, checkName: true);
        if (errors.Count == 0 && await services.Db.SlaCalendars.AnyAsync(c => c.Name == request.Name!.Trim(), cancellationToken))
        {
            errors["name"] = ["A calendar with this name exists."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var calendar = SlaCalendar.New(request.Name!, request.TimeZone!, request.Hours!.Select(h => h!), (request.Holidays ?? []).Select(h => h!), services.Caller.Name, services.Now);
        services.Db.SlaCalendars.Add(calendar);
        await services.SaveAuditedAsync(AuditActions.SlaCalendarCreated, $"sla-calendar/{calendar.Name}", Describe(calendar), cancellationToken);
        return TypedResults.Created($"/api/sla/calendars/{calendar.Name}", ServiceLevelViews.SlaCalendarView(calendar));
    }

    public static async Task<Results<Ok<SlaCalendarView>, NotFound, ValidationProblem>> ChangeCalendarAsync(
        string name, SlaCalendarRequest request, [AsParameters] ApiServices services,
        CancellationToken cancellationToken)
    {
        var calendar = await services.Db.SlaCalendars.SingleOrDefaultAsync(c => c.Name == name, cancellationToken);
        if (calendar is null)
        {
            return TypedResults.NotFound();
        }

        var errors = SlaValidation.Validate(request, checkName: false);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var before = Describe(calendar);
        calendar.Change(request.TimeZone!, request.Hours!.Select(h => h!), (request.Holidays ?? []).Select(h => h!), services.Caller.Name, services.Now);
        await services.SaveAuditedAsync(AuditActions.SlaCalendarChanged, $"sla-calendar/{calendar.Name}", $"{before} -> {Describe(calendar)}", cancellationToken);
        return TypedResults.Ok(ServiceLevelViews.SlaCalendarView(calendar));
    }

    public static async Task<Results<NoContent, NotFound, ValidationProblem>> DeleteCalendarAsync(
        string name, [AsParameters] ApiServices services, CancellationToken cancellationToken)
    {
        var calendar = await services.Db.SlaCalendars.SingleOrDefaultAsync(c => c.Name == name, cancellationToken);
        if (calendar is null)
        {
            return TypedResults.NotFound();
        }

        if (await services.Db.SlaPolicies.Where(p => p.Calendar == name).Select(p => p.Name).ToListAsync(cancellationToken) is { Count: > 0 } users)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["name"] = [$"Policies count on it: {string.Join(", ", users)}."] });
        }

        await services.RemoveAuditedAsync(calendar, AuditActions.SlaCalendarDeleted, $"sla-calendar/{calendar.Name}", Describe(calendar), cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Dictionary<string, string[]>> ValidateAsync(CrmDbContext db, SlaPolicyRequest request, bool checkName, CancellationToken cancellationToken)
    {
        var calendars = await db.SlaCalendars.AsNoTracking().Select(c => c.Name).ToListAsync(cancellationToken);
        var departments = await db.Departments.AsNoTracking().Select(d => d.Id).ToListAsync(cancellationToken);
        return SlaValidation.Validate(request, calendars.ToHashSet(StringComparer.Ordinal), departments.ToHashSet(StringComparer.Ordinal), checkName);
    }

    private static string Describe(SlaPolicy policy) =>
        $"{policy.Name} on {policy.Calendar}: " + string.Join(", ", policy.Targets.Select(t => $"{t.Metric} {t.Priority}{(t.Channel is null ? "" : $" {t.Channel}")} {t.Target}"))
        + (policy.Olas.Count == 0 ? "" : "; OLAs " + string.Join(", ", policy.Olas.Select(o => $"{o.Department} {o.Target}")));

    private static string Describe(SlaCalendar calendar) =>
        $"{calendar.Name} in {calendar.TimeZone}: " + string.Join(", ", calendar.Hours.Select(h => $"{h.Day} {h.Opens:hh\\:mm}-{(h.Closes == TimeSpan.FromDays(1) ? "24:00" : h.Closes.ToString("hh\\:mm", System.Globalization.CultureInfo.InvariantCulture))}"))
        + (calendar.Holidays.Count == 0 ? "" : "; holidays " + string.Join(", ", calendar.Holidays.Select(h => $"{h.Date:yyyy-MM-dd}")));
}
