namespace SocialEnterprise.Contracts.Staff;

/// <summary>How a department hands out new conversations.</summary>
public static class AssignmentStrategies
{
    /// <summary>In turn, to each available member with room.</summary>
    public const string RoundRobin = "round-robin";

    /// <summary>To the available member with the fewest open conversations, then whoever waited longest for one.</summary>
    public const string LeastLoad = "least-load";

    /// <summary>Nobody is assigned automatically: conversations wait in the queue until someone takes them.</summary>
    public const string Manual = "manual";

    public static readonly IReadOnlyList<string> All = [RoundRobin, LeastLoad, Manual];
}
