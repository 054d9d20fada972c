using SocialEnterprise.Contracts.ServiceLevels;
using SocialEnterprise.Domain.ServiceLevels;

namespace SocialEnterprise.Infrastructure.ServiceLevels;

/// <summary>The servicelevels records the Api answers with, made from the entities.</summary>
public static class ServiceLevelViews
{
    public static SlaPolicyView SlaPolicyView(SlaPolicy policy) =>
        new(policy.Name, policy.Description, policy.Calendar, policy.Targets, policy.Olas, policy.ChangedAt, policy.ChangedBy);

    public static SlaCalendarView SlaCalendarView(SlaCalendar calendar) =>
        new(calendar.Name, calendar.TimeZone, calendar.Hours, calendar.Holidays, calendar.ChangedAt, calendar.ChangedBy);
}
