namespace SocialEnterprise.Contracts.Listening;

/// <summary>Where an accepted event is on its way from the webhook to a conversation.</summary>
public static class IngestEventStatuses
{
    /// <summary>Accepted and stored, waiting for a carrier (again, after a failed attempt).</summary>
    public const string Pending = "pending";

    /// <summary>Classified, tied to its customer and carried into a conversation.</summary>
    public const string Processed = "processed";

    /// <summary>Held back as noise; staff can restore it from the intake review.</summary>
    public const string Filtered = "filtered";

    /// <summary>Failed every attempt; waits for staff to replay it.</summary>
    public const string Parked = "parked";

    public static readonly IReadOnlyList<string> All = [Pending, Processed, Filtered, Parked];
}
