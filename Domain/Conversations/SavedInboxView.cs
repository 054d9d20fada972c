namespace SocialEnterprise.Domain.Conversations;

/// <summary>A staff member's own inbox view: a name and the <see cref="InboxQuery"/> it shows, as a query string.</summary>
public sealed class SavedInboxView
{
    public const int MaxNameLength = 60;
    public const int MaxPerStaffMember = 30;

    private SavedInboxView()
    {
    }

    public Guid Id { get; private set; }

    public Guid StaffId { get; private set; }

    public string Name { get; private set; } = "";

    public string Query { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public static SavedInboxView Save(Guid staffId, string name, InboxQuery query, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        StaffId = staffId,
        Name = name,
        Query = query.ToQueryString(),
        CreatedAt = now,
    };
}

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
