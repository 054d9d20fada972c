using SocialEnterprise.Contracts.Routing;
using SocialEnterprise.Domain.Routing;

namespace SocialEnterprise.Infrastructure.Routing;

/// <summary>The routing records the Api answers with, made from the entities.</summary>
public static class RoutingViews
{
    public static RoutingRuleView RoutingRuleView(RoutingRule rule) => new(
        rule.Id, rule.Name, rule.Position, rule.Enabled, rule.Conditions, rule.Actions, rule.StopAfterMatch, rule.CreatedAt, rule.CreatedBy,
        rule.ChangedAt, rule.ChangedBy, rule.Trigger);
}
