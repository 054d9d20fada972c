namespace SocialEnterprise.Contracts.Filtering;

public sealed record NoiseRuleView(Guid Id, string Kind, string Pattern, string Description, bool Enabled, DateTimeOffset UpdatedAt, string UpdatedBy);

public sealed record NoiseRuleRequest(string? Kind, string? Pattern, string? Description, bool? Enabled);

public static class NoiseRuleLimits
{
    public const int MaxPatternLength = 500;
}
