using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SocialEnterprise.Api.Access;
using SocialEnterprise.Contracts.Access;
using SocialEnterprise.Contracts.Audit;
using SocialEnterprise.Contracts.Customers;
using SocialEnterprise.Contracts.Listening;
using SocialEnterprise.Contracts.Routing;
using SocialEnterprise.Contracts.Staff;
using SocialEnterprise.Domain.Classification;
using SocialEnterprise.Domain.Listening;
using SocialEnterprise.Domain.Routing;
using SocialEnterprise.Infrastructure.Persistence;
using SocialEnterprise.Infrastructure.Routing;

namespace SocialEnterprise.Api.Routing;

/// <summary>
/// The routing rules: read by whoever triages, changed and reordered by admins (every change audited), and tried on a
/// pasted message by admins and managers without storing anything.
/// </summary>
public static class RoutingRulesApi
{
    public static IEndpointRouteBuilder MapRoutingRulesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/routing-rules").WithTags("Routing rules");
        api.MapGet("/", ListAsync).RequirePermission(Permission.Read).RequireTriage().WithSummary("The routing rules, in the order they are tried");
        api.MapPost("/", CreateAsync).RequirePermission(Permission.Administer).WithSummary("Add a rule (tried after the others)");
        api.MapPut("/{id:guid}", ChangeAsync).RequirePermission(Permission.Administer).WithSummary("Change a rule (or switch it off)");
        api.MapDelete("/{id:guid}", DeleteAsync).RequirePermission(Permission.Administer).WithSummary("Delete a rule");
        api.MapPost("/order", ReorderAsync).RequirePermission(Permission.Administer).WithSummary("Set the order the rules are tried in (every rule's id, first first)");
        api.MapPost("/dry-run", DryRunAsync).RequirePermission(Permission.Read)
            .RequireAuthorization(policy => policy.RequireAssertion(context => Oversees(Caller.From(context.User))))
            .WithSummary("How the rules would route a pasted message: each rule's verdict and the outcome; nothing is stored");
        return app;
    }

    /// <summary>Admins and managers: those who shape routing and answer for its results.</summary>
    public static bool Oversees(Caller caller) => caller.IsAdmin || caller.Kind == CallerKind.Staff && caller.Roles.Contains(StaffRoles.Manager);

    public static async Task<Ok<List<RoutingRuleView>>> ListAsync([AsParameters] RoutingRuleServices services, CancellationToken cancellationToken)
    {
        var rules = await services.Db.RoutingRules.AsNoTracking().OrderBy(r => r.Position).ThenBy(r => r.CreatedAt).ToListAsync(cancellationToken);
        return TypedResults.Ok(rules.ConvertAll(RoutingViews.RoutingRuleView));
    }

    public static async Task<Results<Created<RoutingRuleView>, ValidationProblem>> CreateAsync(
        RoutingRuleRequest request, [AsParameters] RoutingRuleServices services,
        CancellationToken cancellationToken)
    {
        var errors = RoutingRuleValidation.Validate(request, await VocabularyAsync(services.Db, request, cancellationToken));
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var last = await services.Db.RoutingRules.MaxAsync(r => (int?)r.Position, cancellationToken) ?? 0;
        var rule = RoutingRule.New(
            request.Name!, last + 1, request.Enabled ?? true, (request.Conditions ?? []).Select(c => c!), request.Actions!.Select(a => a!),
            request.StopAfterMatch ?? false, services.Caller.Name, services.Now);
        rule.TriggerOn(TriggerOf(request));
        services.Db.RoutingRules.Add(rule);
        await services.SaveAuditedAsync(AuditActions.RoutingRuleCreated, Target(rule), Describe(rule), cancellationToken);
        return TypedResults.Created($"/api/routing-rules/{rule.Id}", RoutingViews.RoutingRuleView(rule));
    }

    public static async Task<Results<Ok<RoutingRuleView>, NotFound, ValidationProblem>> ChangeAsync(
        Guid id, RoutingRuleRequest request, [AsParameters] RoutingRuleServices services, CancellationToken cancellationToken)
    {
        var rule = await services.Db.RoutingRules.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (rule is null)
        {
            return TypedResults.NotFound();
        }

        // A change that does not name the trigger keeps the rule's.
        request = request with { Trigger = request.Trigger ?? rule.Trigger };
        var errors = RoutingRuleValidation.Validate(request, await VocabularyAsync(services.Db, request, cancellationToken));
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var before = Describe(rule);
        rule.Change(
            request.Name!, request.Enabled ?? rule.Enabled, (request.Conditions ?? []).Select(c => c!), request.Actions!.Select(a => a!),
            request.StopAfterMatch ?? rule.StopAfterMatch, services.Caller.Name, services.Now);
        rule.TriggerOn(request.Trigger is null ? rule.Trigger : TriggerOf(request));
        await services.SaveAuditedAsync(AuditActions.RoutingRuleChanged, Target(rule), $"{before} -> {Describe(rule)}", cancellationToken);
        return TypedResults.Ok(RoutingViews.RoutingRuleView(rule));
    }

    public static async Task<Results<NoContent, NotFound>> DeleteAsync(
        Guid id, [AsParameters] RoutingRuleServices services, CancellationToken cancellationToken)
    {
        var rules = await services.Db.RoutingRules.OrderBy(r => r.Position).ThenBy(r => r.CreatedAt).ToListAsync(cancellationToken);
        var rule = rules.SingleOrDefault(r => r.Id == id);
        if (rule is null)
        {
            return TypedResults.NotFound();
        }

        services.Db.RoutingRules.Remove(rule);
        rules.Remove(rule);
        // The rules after it move up, so that the numbers in reasons (#2) stay those the admins see.
        for (var index = 0; index < rules.Count; index++)
        {
            rules[index].MoveTo(index + 1, services.Caller.Name, services.Now);
        }

        await services.SaveAuditedAsync(AuditActions.RoutingRuleDeleted, Target(rule), Describe(rule), cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<List<RoutingRuleView>>, ValidationProblem>> ReorderAsync(
        RoutingRuleOrderRequest request, [AsParameters] RoutingRuleServices services, CancellationToken cancellationToken)
    {
        var rules = await services.Db.RoutingRules.ToListAsync(cancellationToken);
        var ids = request.Ids ?? [];
        if (ids.Count != rules.Count || ids.Distinct().Count() != ids.Count || !rules.All(rule => ids.Contains(rule.Id)))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["ids"] = ["Every rule's id, once each, in the order the rules should be tried."],
            });
        }

        var byId = rules.ToDictionary(rule => rule.Id);
        for (var index = 0; index < ids.Count; index++)
        {
            byId[ids[index]].MoveTo(index + 1, services.Caller.Name, services.Now);
        }

        var order = string.Join(", ", ids.Select((ruleId, index) => $"#{index + 1} {byId[ruleId].Name}"));
        await services.SaveAuditedAsync(AuditActions.RoutingRuleChanged, "routing-rules", $"order: {order}", cancellationToken);
        return TypedResults.Ok(ids.Select(ruleId => RoutingViews.RoutingRuleView(byId[ruleId])).ToList());
    }

    public static async Task<Results<Ok<RoutingDryRunResult>, ValidationProblem>> DryRunAsync(
        RoutingDryRunRequest request, [AsParameters] RoutingRuleServices services,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(request.Text))
        {
            errors["text"] = ["Required."];
        }
        else if (request.Text.Length > IngestEventValidator.MaxTextLength)
        {
            errors["text"] = [$"At most {IngestEventValidator.MaxTextLength} characters."];
        }

        if (request.Channel is null || !IngestChannels.All.Contains(request.Channel))
        {
            errors["channel"] = [$"One of: {string.Join(", ", IngestChannels.All.Order(StringComparer.Ordinal))}."];
        }

        if (request.Kind is null || !MessageKinds.All.Contains(request.Kind))
        {
            errors["kind"] = [$"One of: {string.Join(", ", MessageKinds.All.Order(StringComparer.Ordinal))}."];
        }

        if (request.AuthorFollowers is < 0)
        {
            errors["authorFollowers"] = ["0 or more."];
        }

        if (request.CustomerTier is not null and not (CustomerTiers.Standard or CustomerTiers.Vip))
        {
            errors["customerTier"] = [$"One of: {CustomerTiers.Standard}, {CustomerTiers.Vip}."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var topics = await services.Db.Topics.AsNoTracking().OrderBy(t => t.Position).ThenBy(t => t.Key).ToListAsync(cancellationToken);
        var catalogue = new TopicCatalogue(topics.Select(t => t.ToTopic()));
        var rules = await services.Db.RoutingRules.AsNoTracking().OrderBy(r => r.Position).ThenBy(r => r.CreatedAt).ToListAsync(cancellationToken);
        var assignees = await RoutingAssignees.ReadAsync(services.Db, rules, cancellationToken);
        var followers = request.AuthorFollowers ?? 0;
        var tier = request.CustomerTier ?? CustomerTiers.Standard;
        var classification = services.Classifier.Classify(new ClassificationInput(request.Text!, request.Channel!, request.Kind!, null, followers), catalogue);
        var decision = new RoutingEngine(rules, services.Hours.Value).Evaluate(
            new RoutingInput(request.Text!, request.Channel!, request.Kind!, classification, tier, followers, request.At ?? services.Now));
        var routing = RoutingDefaults.Complete(decision, classification, catalogue, followers, decision.MarkVip ? CustomerTiers.Vip : tier, assignees);
        return TypedResults.Ok(new RoutingDryRunResult(
            classification, decision.Evaluations, routing.Department, routing.Priority, routing.Tags ?? [], routing.SlaPolicy, routing.AssigneeId,
            routing.AssigneeName, decision.MarkVip, routing.Reason));
    }

    private static async Task<RoutingVocabulary> VocabularyAsync(
        CrmDbContext db, RoutingRuleRequest request, CancellationToken cancellationToken)
    {
        var departments = await db.Departments.AsNoTracking().Select(d => d.Id).ToListAsync(cancellationToken);
        var topics = await db.Topics.AsNoTracking().Select(t => t.Key).ToListAsync(cancellationToken);
        var assigneeIds = (request.Actions ?? []).Where(a => a?.AssigneeId is not null).Select(a => a!.AssigneeId!.Value).Distinct().ToList();
        var staff = assigneeIds.Count == 0
            ? []
            : await db.Users.AsNoTracking()
                .Where(u => assigneeIds.Contains(u.Id))
                .Select(u => new { u.Id, Departments = u.Departments.Select(d => d.DepartmentId).ToList() })
                .ToListAsync(cancellationToken);
        // The policies admins defined are the ones a rule may apply (they replace the former ServicePolicies:Names setting).
        var slaPolicies = await db.SlaPolicies.AsNoTracking().OrderBy(p => p.Name).Select(p => p.Name).ToListAsync(cancellationToken);
        return new RoutingVocabulary(
            departments.ToHashSet(StringComparer.Ordinal), topics.ToHashSet(StringComparer.Ordinal), slaPolicies,
            staff.ToDictionary(member => member.Id, member => (IReadOnlySet<string>)member.Departments.ToHashSet(StringComparer.Ordinal)));
    }

    private static string TriggerOf(RoutingRuleRequest request) =>
        request.Trigger?.Trim() is { Length: > 0 } trigger ? trigger : RoutingTriggers.Opened;

    private static string Target(RoutingRule rule) => $"routing-rule/{rule.Id}";

    private static string Describe(RoutingRule rule) =>
        $"#{rule.Position} \"{rule.Name}\" {(rule.Enabled ? "on" : "off")}: on {rule.Trigger} when "
        + (rule.Conditions.Count == 0 ? "always" : string.Join(" and ", rule.Conditions.Select(c => $"{c.Field} {string.Join("|", c.Values)}")))
        + " then " + string.Join(", ", rule.Actions.Select(DescribeAction))
        + (rule.StopAfterMatch ? ", stop" : "");

    private static string DescribeAction(RoutingAction action) => action.Type switch
    {
        RoutingActionTypes.Route => $"route to {action.Department}",
        RoutingActionTypes.SetPriority => $"priority {action.Priority}",
        RoutingActionTypes.AddTags => $"tag {string.Join(" ", action.Tags ?? [])}",
        RoutingActionTypes.ApplySlaPolicy => $"SLA {action.SlaPolicy}",
        RoutingActionTypes.Assign => $"assign {action.AssigneeId}",
        RoutingActionTypes.RaisePriority => action.Priority is null ? "raise priority one step" : $"raise priority to {action.Priority}",
        RoutingActionTypes.Reassign => action.AssigneeId is null ? "reassign to the least-loaded available member" : $"reassign to {action.AssigneeId}",
        RoutingActionTypes.NotifyManager => action.AssigneeId is null ? "notify the department's managers" : $"notify {action.AssigneeId}",
        _ => "mark VIP",
    };
}
