namespace SocialEnterprise.Contracts.Conversations;

/// <summary>Where a conversation stands against its response target.</summary>
public static class ServiceLevelStates
{
    /// <summary>Nobody owes the customer an answer (pending or resolved).</summary>
    public const string None = "none";

    public const string OnTrack = "on-track";

    /// <summary>More than 80 % of the target is used.</summary>
    public const string AtRisk = "at-risk";

    public const string Breached = "breached";

    public static readonly IReadOnlyList<string> All = [OnTrack, AtRisk, Breached, None];

    public static string Of(DateTimeOffset? warnAt, DateTimeOffset? dueAt, DateTimeOffset now) =>
        dueAt is null ? None : now >= dueAt ? Breached : warnAt is { } warn && now >= warn ? AtRisk : OnTrack;
}
