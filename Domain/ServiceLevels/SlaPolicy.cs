using SocialEnterprise.Contracts.Conversations;
using SocialEnterprise.Contracts.ServiceLevels;

namespace SocialEnterprise.Domain.ServiceLevels;

/// <summary>
/// A named set of service-level promises, edited by admins: first-response, next-response and resolution targets
/// per priority (optionally faster or slower on one channel), department OLAs for consults, counted in business time on
/// its calendar. A routing rule applies a policy by name; a conversation without one follows <see cref="Standard"/>.
/// </summary>
public sealed class SlaPolicy
{
    public const string Standard = "standard";

    public const int MaxNameLength = 40;

    public const int MaxDescriptionLength = 300;

    public static readonly TimeSpan ShortestTarget = TimeSpan.FromMinutes(1);

    public static readonly TimeSpan LongestTarget = TimeSpan.FromDays(30);

    private SlaPolicy()
    {
    }

    /// <summary>A short stable key such as <c>premium</c>: conversations and routing rules store it.</summary>
    public string Name { get; private set; } = "";

    public string Description { get; private set; } = "";

    /// <summary>The <see cref="SlaCalendar"/> whose open hours the targets count.</summary>
    public string Calendar { get; private set; } = SlaCalendarNames.AroundTheClock;

    public List<SlaTarget> Targets { get; private set; } = [];

    /// <summary>How long a consulted department has, per department (others fall back to the consult targets' configuration).</summary>
    public List<DepartmentOla> Olas { get; private set; } = [];

    public DateTimeOffset ChangedAt { get; private set; }

    public string ChangedBy { get; private set; } = "";

    public static SlaPolicy New(
        string name, string description, string calendar, IEnumerable<SlaTarget> targets, IEnumerable<DepartmentOla> olas, string by,
        DateTimeOffset now)
    {
        var policy = new SlaPolicy { Name = name.Trim() };
        policy.Change(description, calendar, targets, olas, by, now);
        return policy;
    }

    public void Change(string description, string calendar, IEnumerable<SlaTarget> targets, IEnumerable<DepartmentOla> olas, string by, DateTimeOffset now)
    {
        Description = description.Trim();
        Calendar = calendar.Trim();
        Targets = [.. targets.Select(t => t with { Channel = string.IsNullOrWhiteSpace(t.Channel) ? null : t.Channel.Trim() })];
        Olas = [.. olas];
        ChangedAt = now;
        ChangedBy = by;
    }

    /// <summary>The target for <paramref name="metric"/> at <paramref name="priority"/>: the channel's own if it has one.</summary>
    public TimeSpan? TargetFor(string metric, string priority, string channel) =>
        (Targets.Find(t => t.Metric == metric && t.Priority == priority && t.Channel == channel)
            ?? Targets.Find(t => t.Metric == metric && t.Priority == priority && t.Channel is null))?.Target;

    public TimeSpan? OlaFor(string department) => Olas.Find(o => o.Department == department)?.Target;

    /// <summary>The conversation metrics a policy must give a default (any channel) target for, at every priority.</summary>
    public static readonly IReadOnlyList<string> ConversationMetrics = ServiceLevelMetrics.Conversation;

    /// <summary>Targets for every conversation metric and priority: response targets as given, resolution a multiple of the first response.</summary>
    public static IEnumerable<SlaTarget> Uniform(Func<string, TimeSpan> response, double resolutionFactor) =>
        Priorities.All.SelectMany(priority => new[]
        {
            new SlaTarget(ServiceLevelMetrics.FirstResponse, priority, response(priority)),
            new SlaTarget(ServiceLevelMetrics.NextResponse, priority, response(priority)),
            new SlaTarget(ServiceLevelMetrics.Resolution, priority, response(priority) * resolutionFactor),
        });
}

/// <summary>
/// A named business calendar, edited by admins: a time zone, open hours per weekday (several spans a day allowed, 24:00
/// as the end of the day) and holidays.
/// </summary>
public sealed class SlaCalendar
{
    public const int MaxNameLength = 40;

    private SlaCalendar()
    {
    }

    public string Name { get; private set; } = "";

    /// <summary>An IANA time zone id such as Europe/Berlin.</summary>
    public string TimeZone { get; private set; } = "UTC";

    public List<OpenHours> Hours { get; private set; } = [];

    public List<Holiday> Holidays { get; private set; } = [];

    public DateTimeOffset ChangedAt { get; private set; }

    public string ChangedBy { get; private set; } = "";

    public static SlaCalendar New(string name, string timeZone, IEnumerable<OpenHours> hours, IEnumerable<Holiday> holidays, string by, DateTimeOffset now)
    {
        var calendar = new SlaCalendar { Name = name.Trim() };
        calendar.Change(timeZone, hours, holidays, by, now);
        return calendar;
    }

    public void Change(string timeZone, IEnumerable<OpenHours> hours, IEnumerable<Holiday> holidays, string by, DateTimeOffset now)
    {
        TimeZone = timeZone.Trim();
        Hours = [.. hours.OrderBy(h => h.Day).ThenBy(h => h.Opens)];
        Holidays = [.. holidays.OrderBy(h => h.Date)];
        ChangedAt = now;
        ChangedBy = by;
    }

    public BusinessCalendar ToBusinessCalendar() =>
        new(TimeZoneInfo.FindSystemTimeZoneById(TimeZone), Hours, Holidays.Select(h => h.Date));

    public static IEnumerable<OpenHours> AllDay(IEnumerable<DayOfWeek> days) =>
        days.Select(day => new OpenHours(day, TimeSpan.Zero, TimeSpan.FromDays(1)));
}

/// <summary>The calendars and policies every workspace starts with (seeded by the migration that created them).</summary>
public static class SlaDefaults
{
    public static readonly DateTimeOffset SeededAt = new(2026, 11, 24, 0, 0, 0, TimeSpan.Zero);

    public static IReadOnlyList<SlaCalendar> Calendars() =>
    [
        SlaCalendar.New(SlaCalendarNames.AroundTheClock, "UTC", SlaCalendar.AllDay(Enum.GetValues<DayOfWeek>()), [], "seed", SeededAt),
        SlaCalendar.New(
            SlaCalendarNames.Office, "Europe/Berlin",
            new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
                .Select(day => new OpenHours(day, TimeSpan.FromHours(9), TimeSpan.FromHours(17))),
            [new Holiday(new DateOnly(2026, 12, 25), "Christmas Day"), new Holiday(new DateOnly(2026, 12, 26), "Boxing Day"),
             new Holiday(new DateOnly(2027, 1, 1), "New Year's Day")],
            "seed", SeededAt),
    ];

    /// <summary>
    /// The "standard" policy's first and next response targets: what the workspace promised before policies (urgent 1 h,
    /// high 4 h, normal 24 h, low 72 h), and the fallback for a priority a policy has no target for.
    /// </summary>
    public static TimeSpan StandardResponse(string priority) =>
        ByPriority(priority, TimeSpan.FromHours(1), TimeSpan.FromHours(4), TimeSpan.FromHours(24), TimeSpan.FromHours(72));

    public static IReadOnlyList<SlaPolicy> Policies()
    {
        static TimeSpan Premium(string priority) =>
            ByPriority(priority, TimeSpan.FromMinutes(30), TimeSpan.FromHours(1), TimeSpan.FromHours(4), TimeSpan.FromHours(24));
        static TimeSpan Legal(string priority) =>
            ByPriority(priority, TimeSpan.FromHours(4), TimeSpan.FromHours(8), TimeSpan.FromHours(16), TimeSpan.FromHours(40));
        return
        [
            SlaPolicy.New(SlaPolicy.Standard, "Every conversation without another policy.", SlaCalendarNames.AroundTheClock,
                SlaPolicy.Uniform(StandardResponse, 3), [], "seed", SeededAt),
            SlaPolicy.New("premium", "Premium customers: faster, and chat faster still.", SlaCalendarNames.AroundTheClock,
                [.. SlaPolicy.Uniform(Premium, 3),
                 .. Priorities.All.Select(p => new SlaTarget(ServiceLevelMetrics.FirstResponse, p, Premium(p) / 2, "chat"))],
                [new DepartmentOla("legal", TimeSpan.FromHours(2)), new DepartmentOla("engineering", TimeSpan.FromHours(4))],
                "seed", SeededAt),
            SlaPolicy.New("legal", "Legal matters, answered in office hours.", SlaCalendarNames.Office,
                SlaPolicy.Uniform(Legal, 3), [new DepartmentOla("legal", TimeSpan.FromHours(4))], "seed", SeededAt),
        ];
    }

    private static TimeSpan ByPriority(string priority, TimeSpan urgent, TimeSpan high, TimeSpan normal, TimeSpan low) => priority switch
    {
        Priorities.Urgent => urgent,
        Priorities.High => high,
        Priorities.Low => low,
        _ => normal,
    };
}
