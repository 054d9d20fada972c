using SocialEnterprise.Contracts.Filtering;
using SocialEnterprise.Domain.Filtering;

namespace SocialEnterprise.Infrastructure.Filtering;

/// <summary>The filtering records the Api answers with, made from the entities.</summary>
public static class FilteringViews
{
    public static NoiseRuleView NoiseRuleView(NoiseRule rule) =>
        new(rule.Id, rule.Kind, rule.Pattern, rule.Description, rule.Enabled, rule.UpdatedAt, rule.UpdatedBy);
}
