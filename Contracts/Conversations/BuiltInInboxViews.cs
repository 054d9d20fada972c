namespace SocialEnterprise.Contracts.Conversations;

/// <summary>The views every inbox starts with, before any saved one.</summary>
public static class BuiltInInboxViews
{
    public static readonly IReadOnlyList<(string Key, string Name, InboxQuery Query)> All =
    [
        ("open", "Open", new InboxQuery { Status = ConversationStatuses.Open }),
        ("mine", "Assigned to me", new InboxQuery { Status = ConversationStatuses.Open, Assignee = InboxAssignees.Me }),
        ("unassigned", "Unassigned", new InboxQuery { Status = ConversationStatuses.Open, Assignee = InboxAssignees.None }),
        ("at-risk", "At risk", new InboxQuery { Sla = ServiceLevelStates.AtRisk, Sort = InboxSorts.Due }),
        ("breached", "Breached", new InboxQuery { Sla = ServiceLevelStates.Breached, Sort = InboxSorts.Due }),
        ("pending", "Waiting on customer", new InboxQuery { Status = ConversationStatuses.Pending }),
        ("all", "All", new InboxQuery()),
    ];
}
