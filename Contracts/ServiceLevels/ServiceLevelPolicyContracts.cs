namespace SocialEnterprise.Contracts.ServiceLevels;

public sealed record SlaPolicyRequest(
    string? Name, string? Description, string? Calendar, IReadOnlyList<SlaTarget?>? Targets, IReadOnlyList<DepartmentOla?>? Olas);

public sealed record SlaPolicyView(
    string Name, string Description, string Calendar, IReadOnlyList<SlaTarget> Targets, IReadOnlyList<DepartmentOla> Olas,
    DateTimeOffset ChangedAt, string ChangedBy);

public sealed record SlaCalendarRequest(string? Name, string? TimeZone, IReadOnlyList<OpenHours?>? Hours, IReadOnlyList<Holiday?>? Holidays);

public sealed record SlaCalendarView(
    string Name, string TimeZone, IReadOnlyList<OpenHours> Hours, IReadOnlyList<Holiday> Holidays, DateTimeOffset ChangedAt, string ChangedBy);

/// <summary>The business calendars every installation starts with.</summary>
public static class SlaCalendarNames
{
    public const string AroundTheClock = "around-the-clock";

    public const string Office = "office";
}
