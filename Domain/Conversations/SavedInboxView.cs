using SocialEnterprise.Contracts.Conversations;

namespace SocialEnterprise.Domain.Conversations;

/// <summary>A staff member's own inbox view: a name and the <see cref="InboxQuery"/> it shows, as a query string.</summary>
public sealed class SavedInboxView
{
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
