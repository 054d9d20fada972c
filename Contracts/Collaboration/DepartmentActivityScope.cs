using SocialEnterprise.Contracts.Conversations;
using SocialEnterprise.Contracts.Events;
using SocialEnterprise.Contracts.ServiceLevels;

namespace SocialEnterprise.Contracts.Collaboration;

/// <summary>Which events belong in a department's activity feed: the Api reads the feed, the live page asks before it reloads.</summary>
public static class DepartmentActivityScope
{
    public static bool Concerns(DomainEvent? domainEvent, string department) => domainEvent switch
    {
        ConsultRequested e => e.TargetDepartment == department || e.RequesterDepartment == department,
        ConsultAccepted e => e.TargetDepartment == department || e.RequesterDepartment == department,
        ConsultAnswered e => e.TargetDepartment == department || e.RequesterDepartment == department,
        ConsultDeclined e => e.TargetDepartment == department || e.RequesterDepartment == department,
        ConversationAssigned e => e.Department == department,
        ConversationOpened e => e.Department == department,
        ServiceLevelWarning e => e.Department == department,
        ServiceLevelBreachPredicted e => e.Department == department,
        ServiceLevelBreached e => e.Department == department,
        ConversationEscalated e => e.Department == department,
        _ => false,
    };
}
