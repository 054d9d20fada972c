using SocialEnterprise.Contracts.ServiceLevels;

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

    /// <summary>
    /// When the scheduler checks for a predicted breach: at half the window, a clock whose conversation nobody available
    /// holds (unassigned, or the assignee away or offline) is predicted to breach. Null while paused or stopped.
    /// </summary>
    public DateTimeOffset? PredictedBreachAt { get; private set; }

    public DateTimeOffset? WarnedAt { get; private set; }

    public DateTimeOffset? PredictedAt { get; private set; }

    public DateTimeOffset? BreachedAt { get; private set; }

    /// <summary>When the promise was kept (or abandoned); null while the clock runs or is paused.</summary>
    public DateTimeOffset? StoppedAt { get; private set; }

    /// <summary>One of <see cref="ServiceLevelOutcomes"/>.</summary>
    public string Outcome { get; private set; } = ServiceLevelOutcomes.Running;

    public int Version { get; private set; }

    /// <summary>
    /// While running, when the current running stretch began: business time since then is not yet in
    /// <see cref="Elapsed"/>. Null while paused or stopped.
    /// </summary>
    public DateTimeOffset? ResumedAt { get; private set; }

    /// <summary>The share of the window after which the clock warns.</summary>
    public const double WarnShare = 0.8;

    /// <summary>The share of the window after which a breach is predicted if nobody available holds the conversation.</summary>
    public const double PredictShare = 0.5;

    public bool IsRunning => StoppedAt is null && PausedAt is null;

    public static ServiceLevelClock Start(
        Guid conversationId, Guid? consultId, string metric, string department, Guid? assigneeId, string channel, string priority,
        string policy, TimeSpan target, DateTimeOffset startedAt, BusinessCalendar calendar)
    {
        var clock = new ServiceLevelClock
        {
            Id = Guid.CreateVersion7(startedAt),
            ConversationId = conversationId,
            ConsultId = consultId,
            Metric = metric,
            Department = department,
            AssigneeId = assigneeId,
            Channel = channel,
            Priority = priority,
            Policy = policy,
            Target = target,
            StartedAt = startedAt,
            ResumedAt = startedAt,
            Outcome = ServiceLevelOutcomes.Running,
        };
        clock.Retime(calendar);
        return clock;
    }

    /// <summary>Business time used by <paramref name="now"/>.</summary>
    public TimeSpan ElapsedAt(DateTimeOffset now, BusinessCalendar calendar) =>
        ResumedAt is { } resumed ? Elapsed + calendar.BusinessTimeBetween(resumed, now) : Elapsed;

    /// <summary>Business time left at <paramref name="now"/> (negative once breached).</summary>
    public TimeSpan RemainingAt(DateTimeOffset now, BusinessCalendar calendar) => Target - ElapsedAt(now, calendar);

    /// <summary>Waiting on the customer: the clock stops counting until <see cref="Resume"/>.</summary>
    public bool Pause(DateTimeOffset now, BusinessCalendar calendar)
    {
        if (!IsRunning)
        {
            return false;
        }

        Elapsed = ElapsedAt(now, calendar);
        ResumedAt = null;
        PausedAt = now;
        Outcome = ServiceLevelOutcomes.Paused;
        ClearMoments();
        Version++;
        return true;
    }

    /// <summary>Counts again from <paramref name="now"/> (after a pause, or a stop that turned out not to be final).</summary>
    public bool Resume(DateTimeOffset now, BusinessCalendar calendar)
    {
        if (IsRunning)
        {
            return false;
        }

        PausedAt = null;
        StoppedAt = null;
        ResumedAt = now;
        Outcome = ServiceLevelOutcomes.Running;
        Retime(calendar);
        Version++;
        return true;
    }

    /// <summary>A new target (priority raised, another policy): the time used so far stays, the moments move.</summary>
    public bool Retarget(TimeSpan target, string priority, string policy, DateTimeOffset now, BusinessCalendar calendar)
    {
        if (Target == target && Priority == priority && Policy == policy)
        {
            return false;
        }

        Priority = priority;
        Policy = policy;
        if (Target != target && StoppedAt is null)
        {
            Elapsed = ElapsedAt(now, calendar);
            ResumedAt = ResumedAt is null ? null : now;
            Target = target;
            if (IsRunning)
            {
                Retime(calendar);
            }
        }

        Version++;
        return true;
    }

    /// <summary>Who holds the conversation (or answered the consult) now.</summary>
    public bool AssignTo(Guid? assigneeId)
    {
        if (AssigneeId == assigneeId || StoppedAt is not null)
        {
            return false;
        }

        AssigneeId = assigneeId;
        Version++;
        return true;
    }

    public bool MoveTo(string department)
    {
        if (Department == department || StoppedAt is not null || ConsultId is not null)
        {
            return false;
        }

        Department = department;
        Version++;
        return true;
    }

    /// <summary>The promise is kept (met, or breached if late) or no longer owed (<paramref name="cancel"/>).</summary>
    public bool Stop(DateTimeOffset now, BusinessCalendar calendar, bool cancel = false)
    {
        if (StoppedAt is not null)
        {
            return false;
        }

        var dueAt = DueAt;
        Elapsed = ElapsedAt(now, calendar);
        ResumedAt = null;
        PausedAt = null;
        StoppedAt = now;
        if (cancel)
        {
            Outcome = ServiceLevelOutcomes.Cancelled;
        }
        else if (Elapsed > Target)
        {
            Outcome = ServiceLevelOutcomes.Breached;
            BreachedAt ??= dueAt is { } due && due <= now ? due : now;
        }
        else
        {
            Outcome = ServiceLevelOutcomes.Met;
        }

        ClearMoments();
        Version++;
        return true;
    }

    private void Retime(BusinessCalendar calendar)
    {
        var resumed = ResumedAt ?? throw new InvalidOperationException("Only a running clock has moments.");
        DueAt = calendar.AddBusinessTime(resumed, Target - Elapsed);
        WarnAt = calendar.AddBusinessTime(resumed, Target * WarnShare - Elapsed);
        PredictedBreachAt = calendar.AddBusinessTime(resumed, Target * PredictShare - Elapsed);
    }

    private void ClearMoments()
    {
        WarnAt = null;
        DueAt = null;
        PredictedBreachAt = null;
    }
}
