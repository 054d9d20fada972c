using SocialEnterprise.Contracts.Conversations;

namespace SocialEnterprise.Domain.Conversations;

/// <summary>
/// A staff member's hand in a conversation (a note, an assignment, a status change, a follow): what the
/// Customer 360's unified front (joined through the conversation's customer, so merges carry it along) is made of, so that whoever speaks to the customer next knows who already did.
/// </summary>
public sealed class ConversationEngagement
{
    private ConversationEngagement()
    {
    }

    public long Id { get; private set; }

    public Guid ConversationId { get; private set; }

    public Guid StaffId { get; private set; }

    public string StaffName { get; private set; } = "";

    /// <summary>The staff member's department at the time (empty for someone in none, such as an admin).</summary>
    public string Department { get; private set; } = "";

    /// <summary>What they did: one of <see cref="EngagementKinds"/>.</summary>
    public string Kind { get; private set; } = "";

    public string Detail { get; private set; } = "";

    public DateTimeOffset At { get; private set; }

    public static ConversationEngagement Record(
        Conversation conversation, Guid staffId, string staffName, string department, string kind, string detail, DateTimeOffset now) => new()
    {
        ConversationId = conversation.Id,
        StaffId = staffId,
        StaffName = staffName,
        Department = department,
        Kind = kind,
        Detail = detail.Length <= 200 ? detail : detail[..200],
        At = now,
    };
}
