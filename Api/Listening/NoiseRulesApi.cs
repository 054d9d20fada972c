using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SocialEnterprise.Api.Access;
using SocialEnterprise.Contracts.Access;
using SocialEnterprise.Contracts.Audit;
using SocialEnterprise.Contracts.Filtering;
using SocialEnterprise.Domain.Filtering;
using SocialEnterprise.Infrastructure.Filtering;

namespace SocialEnterprise.Api.Listening;

/// <summary>The noise filter's rules: read by whoever triages, changed by admins, every change audited.</summary>
public static class NoiseRulesApi
{
    public static IEndpointRouteBuilder MapNoiseRulesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/noise-rules").WithTags("Noise filter");
        api.MapGet("/", ListAsync).RequirePermission(Permission.Read).RequireTriage().WithSummary("The noise filter's rules");
        api.MapPost("/", CreateAsync).RequirePermission(Permission.Administer).WithSummary("Add a rule");
        api.MapPut("/{id:guid}", ChangeAsync).RequirePermission(Permission.Administer).WithSummary("Change a rule (or switch it off)");
        api.MapDelete("/{id:guid}", DeleteAsync).RequirePermission(Permission.Administer).WithSummary("Delete a rule");
        return app;
    }

    public static async Task<Ok<List<NoiseRuleView>>> ListAsync([AsParameters] NoiseRuleServices services, CancellationToken cancellationToken)
    {
        var rules = await services.Db.NoiseRules.AsNoTracking().OrderBy(r => r.Kind).ThenBy(r => r.Pattern).ToListAsync(cancellationToken);
        return TypedResults.Ok(rules.ConvertAll(FilteringViews.NoiseRuleView));
    }

    public static async Task<Results<Created<NoiseRuleView>, ValidationProblem>> CreateAsync(
        NoiseRuleRequest request, [AsParameters] NoiseRuleServices services, CancellationToken cancellationToken)
    {
        var errors = NoiseRule.Validate(request.Kind, request.Pattern, request.Description);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var caller = services.Context.Caller;
        var now = services.Time.GetUtcNow();
        var rule = NoiseRule.New(request.Kind!, request.Pattern ?? "", request.Description ?? "", request.Enabled ?? true, caller.Name, now);
        services.Db.NoiseRules.Add(rule);
        services.Db.AuditLog.Add(services.Context.Audit(now, AuditActions.NoiseRuleCreated, $"noise-rule/{rule.Id}", Describe(rule)));
        await services.Db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/noise-rules/{rule.Id}", FilteringViews.NoiseRuleView(rule));
    }

    public static async Task<Results<Ok<NoiseRuleView>, NotFound, ValidationProblem>> ChangeAsync(
        Guid id, NoiseRuleRequest request, [AsParameters] NoiseRuleServices services, CancellationToken cancellationToken)
    {
        var errors = NoiseRule.Validate(request.Kind, request.Pattern, request.Description);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var rule = await services.Db.NoiseRules.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (rule is null)
        {
            return TypedResults.NotFound();
        }

        var caller = services.Context.Caller;
        var now = services.Time.GetUtcNow();
        var before = Describe(rule);
        rule.Change(request.Kind!, request.Pattern ?? "", request.Description ?? "", request.Enabled ?? rule.Enabled, caller.Name, now);
        services.Db.AuditLog.Add(services.Context.Audit(now, AuditActions.NoiseRuleChanged, $"noise-rule/{rule.Id}", $"{before} -> {Describe(rule)}"));
        await services.Db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(FilteringViews.NoiseRuleView(rule));
    }

    public static async Task<Results<NoContent, NotFound>> DeleteAsync(
        Guid id, [AsParameters] NoiseRuleServices services, CancellationToken cancellationToken)
    {
        var rule = await services.Db.NoiseRules.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (rule is null)
        {
            return TypedResults.NotFound();
        }

        var now = services.Time.GetUtcNow();
        services.Db.NoiseRules.Remove(rule);
        services.Db.AuditLog.Add(services.Context.Audit(now, AuditActions.NoiseRuleDeleted, $"noise-rule/{rule.Id}", Describe(rule)));
        await services.Db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static string Describe(NoiseRule rule) => $"{rule.Kind} \"{rule.Pattern}\" {(rule.Enabled ? "on" : "off")}";
}
