using SocialEnterprise.Contracts.Access;
using SocialEnterprise.Domain.Conversations;
using SocialEnterprise.Infrastructure.Persistence;

namespace SocialEnterprise.Infrastructure.Conversations;

public static class StaffEngagement
{
    /// <summary>Records a staff member's hand in the conversation for the customer's unified front.</summary>
    public static void Record(CrmDbContext db, Caller caller, Conversation conversation, string kind, string detail, DateTimeOffset now)
    {
        if (caller.StaffId is { } staffId)
        {
            db.ConversationEngagements.Add(ConversationEngagement.Record(
                conversation, staffId, caller.DisplayName, caller.PrimaryDepartment, kind, detail, now));
        }
    }
}
