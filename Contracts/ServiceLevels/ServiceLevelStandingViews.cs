namespace SocialEnterprise.Contracts.ServiceLevels;

/// <summary>One clock as staff see it: where it stands now, in business time.</summary>
public sealed record ServiceLevelClockView(
    Guid Id, string Metric, Guid? ConsultId, string Department, string Policy, string Priority, TimeSpan Target, TimeSpan Elapsed,
    TimeSpan Remaining, string Outcome, string State, DateTimeOffset StartedAt, DateTimeOffset? WarnAt, DateTimeOffset? DueAt,
    DateTimeOffset? WarnedAt, DateTimeOffset? PredictedAt, DateTimeOffset? BreachedAt, DateTimeOffset? StoppedAt);

/// <summary>
/// A consult's clock against the customer's: "Legal has 2 h of your 4 h left". A consult due after the customer's
/// promise puts that promise at risk.
/// </summary>
public sealed record ConsultRollup(
    Guid ConsultId, string Department, TimeSpan ConsultRemaining, string? CustomerMetric, TimeSpan? CustomerRemaining, bool RisksCustomerPromise,
    string Text);

/// <summary>A conversation's promises: every clock, the consults rolled up into the customer's clock, and a one-line banner.</summary>
public sealed record ConversationServiceLevels(IReadOnlyList<ServiceLevelClockView> Clocks, IReadOnlyList<ConsultRollup> Consults, string? Banner, string BannerState);
