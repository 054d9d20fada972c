using SocialEnterprise.Contracts.Access;
using SocialEnterprise.Domain.Conversations;
using SocialEnterprise.Infrastructure.Persistence;

namespace SocialEnterprise.Infrastructure.Conversations;

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
        // "id IN (followed)" rather than a correlated EXISTS: PostgreSQL reads the caller's few followed conversations
        // once into a hash instead of probing for every conversation it considers, which is what keeps an inbox of a
        // million conversations fast for staff.
        // The small extra set: what the caller follows or was mentioned in (participants), and what their departments
        // were consulted on; one UNION ALL, hashed once.
        var extra = db.ConversationParticipants.Where(p => p.StaffId == staffId).Select(p => p.ConversationId)
            .Concat(db.Consults.Where(x => departments.Contains(x.TargetDepartment)).Select(x => x.ConversationId));
        return conversations.Where(c => departments.Contains(c.Department) || c.AssigneeId == staffId || extra.Contains(c.Id));
    }
}
