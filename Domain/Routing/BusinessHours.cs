namespace SocialEnterprise.Domain.Routing;

/// <summary>
/// When the company answers: configuration section <c>BusinessHours</c> (time zone id, open days, open and close
/// time), validated on start. Routing rules ask whether a message arrived inside or outside these hours.
/// </summary>
public sealed class BusinessHours
{
    public const string Section = "BusinessHours";

    public static readonly IReadOnlyList<DayOfWeek> Weekdays =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    /// <summary>An IANA or Windows time zone id, such as Europe/Berlin.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>Null keeps Monday to Friday (the configuration binder would add to a list given here, not replace it).</summary>
    public DayOfWeek[]? OpenDays { get; set; }

    public TimeOnly Opens { get; set; } = new(9, 0);

    public TimeOnly Closes { get; set; } = new(17, 0);

    public IReadOnlyList<DayOfWeek> Days => OpenDays is { Length: > 0 } days ? days : Weekdays;

    /// <summary>Whether <paramref name="at"/> falls on an open day between the open (inclusive) and close (exclusive) time, in the company's zone.</summary>
    public bool IsOpen(DateTimeOffset at)
    {
        var local = System.TimeZoneInfo.ConvertTime(at, Zone());
        var time = TimeOnly.FromDateTime(local.DateTime);
        return Days.Contains(local.DayOfWeek) && time >= Opens && time < Closes;
    }

    public TimeZoneInfo Zone() => System.TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
}
