namespace SocialEnterprise.Domain.ServiceLevels;

/// <summary>The policies and calendars a save works with, read once per save.</summary>
public sealed class SlaRules(IReadOnlyList<SlaPolicy> policies, IReadOnlyList<SlaCalendar> calendars)
{
    private readonly Dictionary<string, SlaPolicy> _policies = policies.ToDictionary(p => p.Name, StringComparer.Ordinal);
    private readonly Dictionary<string, BusinessCalendar> _calendars = calendars.ToDictionary(c => c.Name, c => c.ToBusinessCalendar(), StringComparer.Ordinal);

    /// <summary>The named policy, else "standard" (a name no longer defined, or none), else the seeded standard.</summary>
    public SlaPolicy PolicyFor(string? name) =>
        name is not null && _policies.TryGetValue(name, out var policy) ? policy
        : _policies.TryGetValue(SlaPolicy.Standard, out var standard) ? standard
        : SlaDefaults.Policies()[0];

    /// <summary>The calendar of the named policy; around the clock when it has none.</summary>
    public BusinessCalendar CalendarOf(string policyName) =>
        _policies.TryGetValue(policyName, out var policy) && _calendars.TryGetValue(policy.Calendar, out var calendar)
            ? calendar
            : BusinessCalendar.TwentyFourSeven;
}
