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

        // One arm per department, each the department's own slice, plus the few conversations the staff member has
        // outside them (assigned or followed), joined with UNION ALL: PostgreSQL then serves every arm from the
        // department's indexes and merges them in order, where one OR across departments would scan them all.
        var departments = caller.Departments.Order(StringComparer.Ordinal).ToList();
        var staffId = caller.StaffId ?? Guid.Empty;
        var followed = db.ConversationParticipants.Where(p => p.StaffId == staffId).Select(p => p.ConversationId);
        var visible = conversations.Where(c => !departments.Contains(c.Department) && (c.AssigneeId == staffId || followed.Contains(c.Id)));
        foreach (var department in departments)
        {
            visible = conversations.Where(c => c.Department == department).Concat(visible);
        }

        return visible;
    }
}
