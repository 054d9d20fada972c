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

    public static async Task<Ok<List<NoiseRuleView>>> ListAsync([AsParameters] ApiServices services, CancellationToken cancellationToken)
    {
        var rules = await services.Db.NoiseRules.AsNoTracking().OrderBy(r => r.Kind).ThenBy(r => r.Pattern).ToListAsync(cancellationToken);
        return TypedResults.Ok(rules.ConvertAll(FilteringViews.NoiseRuleView));
    }

    public static async Task<Results<Created<NoiseRuleView>, ValidationProblem>> CreateAsync(
        NoiseRuleRequest request, [AsParameters] ApiServices services, CancellationToken cancellationToken)
    {
        var errors = NoiseRule.Validate(request.Kind, request.Pattern, request.Description);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var rule = NoiseRule.New(request.Kind!, request.Pattern ?? "", request.Description ?? "", request.Enabled ?? true, services.Caller.Name, services.Now);
        services.Db.NoiseRules.Add(rule);
        await services.SaveAuditedAsync(AuditActions.NoiseRuleCreated, $"noise-rule/{rule.Id}", Describe(rule), cancellationToken);
        return TypedResults.Created($"/api/noise-rules/{rule.Id}", FilteringViews.NoiseRuleView(rule));
    }

    public static async Task<Results<Ok<NoiseRuleView>, NotFound, ValidationProblem>> ChangeAsync(
        Guid id, NoiseRuleRequest request, [AsParameters] ApiServices services, CancellationToken cancellationToken)
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

        var before = Describe(rule);
        rule.Change(request.Kind!, request.Pattern ?? "", request.Description ?? "", request.Enabled ?? rule.Enabled, services.Caller.Name, services.Now);
        await services.SaveAuditedAsync(AuditActions.NoiseRuleChanged, $"noise-rule/{rule.Id}", $"{before} -> {Describe(rule)}", cancellationToken);
        return TypedResults.Ok(FilteringViews.NoiseRuleView(rule));
    }

    public static Task<Results<NoContent, NotFound>> DeleteAsync(
        Guid id, [AsParameters] ApiServices services, CancellationToken cancellationToken) =>
        services.RemoveAuditedAsync(services.Db.NoiseRules.Where(r => r.Id == id), AuditActions.NoiseRuleDeleted, r => $"noise-rule/{r.Id}", Describe, cancellationToken);

    private static string Describe(NoiseRule rule) => $"{rule.Kind} \"{rule.Pattern}\" {(rule.Enabled ? "on" : "off")}";
}
