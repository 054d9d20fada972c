namespace SocialEnterprise.Contracts.Routing;

/// <summary>One rule as the engine tried it: whether it matched, and why (the conditions that held) or why not (the first that failed).</summary>
public sealed record RuleEvaluation(
    Guid RuleId, string Name, int Position, bool Enabled, bool Matched, IReadOnlyList<string> Reasons, string? FailedCondition,
    bool Stopped);
