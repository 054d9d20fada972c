using SocialEnterprise.Domain.Collaboration;
using SocialEnterprise.Infrastructure.Persistence;

namespace SocialEnterprise.Infrastructure.Collaboration;

public static class StaffNotifications
{
    /// <summary>
    /// Adds a notification for each recipient, with the event that reloads their bell, to the unit of work: it is
    /// saved in the same transaction as what it tells of. The actor is never notified of their own doing.
    /// </summary>
    public static void Notify(
        CrmDbContext db, IEnumerable<Guid> recipients, Guid? actorId, string kind, string text, string link, DateTimeOffset now)
    {
        foreach (var recipient in recipients.Distinct().Where(recipient => recipient != actorId))
        {
            db.StaffNotifications.Add(StaffNotification.For(recipient, kind, text, link, now));
        }
    }

    /// <summary>The link to a conversation in the workspace.</summary>
    public static string ConversationLink(Guid conversationId) => $"/conversations/{conversationId}";
}
