using SocialEnterprise.Contracts.Classification;

namespace SocialEnterprise.Contracts.Routing;

public sealed record RoutingRuleView(
    Guid Id, string Name, int Position, bool Enabled, IReadOnlyList<RoutingCondition> Conditions, IReadOnlyList<RoutingAction> Actions,
    bool StopAfterMatch, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset ChangedAt, string ChangedBy,
    string Trigger = RoutingTriggers.Opened);

public sealed record RoutingRuleRequest(
    string? Name, bool? Enabled, IReadOnlyList<RoutingCondition?>? Conditions, IReadOnlyList<RoutingAction?>? Actions, bool? StopAfterMatch,
    string? Trigger = null);

/// <summary>The rules' ids in the order they should be tried.</summary>
public sealed record RoutingRuleOrderRequest(IReadOnlyList<Guid>? Ids);

/// <summary>A message pasted by an admin to see how the rules would route it.</summary>
public sealed record RoutingDryRunRequest(
    string? Text, string? Channel, string? Kind, int? AuthorFollowers = null, string? CustomerTier = null, DateTimeOffset? At = null);

public sealed record RoutingDryRunResult(
    MessageClassification Classification, IReadOnlyList<RuleEvaluation> Rules, string Department, string Priority, IReadOnlyList<string> Tags,
    string? SlaPolicy, Guid? AssigneeId, string? AssigneeName, bool MarksVip, string Reason);

public static class RoutingRuleLimits
{
    public const int MaxNameLength = 120;
}
