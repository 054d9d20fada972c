namespace SocialEnterprise.Contracts.ServiceLevels;

public static class ServiceLevelOutcomes
{
    public const string Running = "running";
    public const string Paused = "paused";

    /// <summary>Stopped within the target.</summary>
    public const string Met = "met";

    /// <summary>Stopped past the target. A clock still running past it keeps Running and has its BreachedAt set.</summary>
    public const string Breached = "breached";

    /// <summary>No longer owed (e.g. the conversation was resolved without a reply being due).</summary>
    public const string Cancelled = "cancelled";

    public static readonly IReadOnlyList<string> All = [Running, Paused, Met, Breached, Cancelled];
}
