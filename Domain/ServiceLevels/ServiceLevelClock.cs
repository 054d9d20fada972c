namespace SocialEnterprise.Domain.ServiceLevels;

/// <summary>
/// One service-level promise being kept or broken: a conversation's first response, next response or resolution, or a
/// department's consult (its OLA). Each clock has its own target from the SLA policy, counts business time only
/// (the policy's calendar, holidays excluded) and pauses while the conversation waits on the customer. Rows stay after
/// the clock stops: they are what the SLA reports read.
/// </summary>
public sealed class ServiceLevelClock
{
    private ServiceLevelClock()
    {
    }

    public Guid Id { get; private set; }

    public Guid ConversationId { get; private set; }

    /// <summary>Set for a consult's clock (metric <see cref="ServiceLevelMetrics.Consult"/>).</summary>
    public Guid? ConsultId { get; private set; }

    /// <summary>One of <see cref="ServiceLevelMetrics"/>.</summary>
    public string Metric { get; private set; } = ServiceLevelMetrics.FirstResponse;

    /// <summary>The department whose promise it is (the conversation's, or the consulted one's).</summary>
    public string Department { get; private set; } = "";

    /// <summary>Who held the conversation (or answered the consult) when the clock stopped, or holds it now.</summary>
    public Guid? AssigneeId { get; private set; }

    public string Channel { get; private set; } = "";

    public string Priority { get; private set; } = "";

    /// <summary>The SLA policy's name.</summary>
    public string Policy { get; private set; } = "";

    /// <summary>The target in business time.</summary>
    public TimeSpan Target { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    /// <summary>When the clock is paused (waiting on the customer), since when; null while running or stopped.</summary>
    public DateTimeOffset? PausedAt { get; private set; }

    /// <summary>Business time used up to <see cref="PausedAt"/> or <see cref="StoppedAt"/> (or to the last change while running).</summary>
    public TimeSpan Elapsed { get; private set; }

    /// <summary>The wall-clock moment 80 % of the target is used; null while paused or stopped.</summary>
    public DateTimeOffset? WarnAt { get; private set; }

    /// <summary>The wall-clock moment the target is used up; null while paused or stopped.</summary>
    public DateTimeOffset? DueAt { get; private set; }

    /// <summary>When a breach is predicted to be unavoidable (see the clock scheduler); null when none is predicted.</summary>
    public DateTimeOffset? PredictedBreachAt { get; private set; }

    public DateTimeOffset? WarnedAt { get; private set; }

    public DateTimeOffset? PredictedAt { get; private set; }

    public DateTimeOffset? BreachedAt { get; private set; }

    /// <summary>When the promise was kept (or abandoned); null while the clock runs or is paused.</summary>
    public DateTimeOffset? StoppedAt { get; private set; }

    /// <summary>One of <see cref="ServiceLevelOutcomes"/>.</summary>
    public string Outcome { get; private set; } = ServiceLevelOutcomes.Running;

    public int Version { get; private set; }
}

public static class ServiceLevelMetrics
{
    public const string FirstResponse = "first-response";
    public const string NextResponse = "next-response";
    public const string Resolution = "resolution";

    /// <summary>A department's answer to a consult (operational-level agreement).</summary>
    public const string Consult = "consult";

    public static readonly IReadOnlyList<string> All = [FirstResponse, NextResponse, Resolution, Consult];
}

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
