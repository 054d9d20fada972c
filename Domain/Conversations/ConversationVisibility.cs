using SocialEnterprise.Domain.Access;
using SocialEnterprise.Domain.Persistence;

namespace SocialEnterprise.Domain.Conversations;

/// <summary>
/// Which conversations a caller sees, as a query filter, so that no list, search or count can show more: admins and
/// read-scoped integrations everything; staff what is with their departments, assigned to them, and what they follow or were mentioned in.
/// </summary>
public static class ConversationVisibility
{
    public static IQueryable<Conversation> VisibleTo(this IQueryable<Conversation> conversations, Caller caller, CrmDbContext db)
    {
        if (caller.SeesEverything)
        {
            return conversations;
        }

        if (caller.Kind != CallerKind.Staff)
        {
            return conversations.Where(_ => false);
        }

        var departments = caller.Departments.ToList();
        var staffId = caller.StaffId ?? Guid.Empty;
        return conversations.Where(c => departments.Contains(c.Department)
            || c.AssigneeId == staffId
            || db.ConversationParticipants.Any(p => p.ConversationId == c.Id && p.StaffId == staffId));
    }
}
