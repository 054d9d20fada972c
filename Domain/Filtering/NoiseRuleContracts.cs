namespace SocialEnterprise.Domain.Filtering;

public sealed record NoiseRuleView(Guid Id, string Kind, string Pattern, string Description, bool Enabled, DateTimeOffset UpdatedAt, string UpdatedBy)
{
    public static NoiseRuleView From(NoiseRule rule) =>
        new(rule.Id, rule.Kind, rule.Pattern, rule.Description, rule.Enabled, rule.UpdatedAt, rule.UpdatedBy);
}

public sealed record NoiseRuleRequest(string? Kind, string? Pattern, string? Description, bool? Enabled);
