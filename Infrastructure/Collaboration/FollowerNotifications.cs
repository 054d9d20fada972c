using Microsoft.EntityFrameworkCore;
using SocialEnterprise.Contracts.Collaboration;
using SocialEnterprise.Contracts.Conversations;
using SocialEnterprise.Domain.Collaboration;
using SocialEnterprise.Domain.Conversations;
using SocialEnterprise.Infrastructure.Persistence;

namespace SocialEnterprise.Infrastructure.Collaboration;

/// <summary>Tells the followers of conversations that something happened in them.</summary>
public static class FollowerNotifications
{
    /// <summary>
    /// Notifications for the followers of the conversations customers wrote in, added to <paramref name="db"/> with the
    /// events that reload their bells (one query per batch).
    /// </summary>
    public static async Task ForCustomerMessagesAsync(
        CrmDbContext db, IEnumerable<MessageReceived> received, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var byConversation = received.GroupBy(m => m.ConversationId).ToDictionary(group => group.Key, group => group.Last());
        if (byConversation.Count == 0)
        {
            return;
        }

        var ids = byConversation.Keys.ToList();
        var followers = await db.ConversationParticipants.AsNoTracking()
            .Where(p => ids.Contains(p.ConversationId) && p.Reason == ParticipationReasons.Following)
            .Select(p => new { p.ConversationId, p.StaffId })
            .ToListAsync(cancellationToken);
        foreach (var follower in followers)
        {
            var message = byConversation[follower.ConversationId];
            db.StaffNotifications.Add(StaffNotification.For(
                follower.StaffId, NotificationKinds.FollowedActivity, $"The customer wrote: {message.Preview}",
                StaffNotifications.ConversationLink(follower.ConversationId), now));
        }
    }

    /// <summary>Notifies the followers of a conversation of a colleague's note (never its author, nor who the note mentions: they hear of it as a mention).</summary>
    public static async Task ForNoteAsync(
        CrmDbContext db, Guid conversationId, Guid authorId, string authorName, string text, IReadOnlySet<Guid> mentioned, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var followers = await db.ConversationParticipants.AsNoTracking()
            .Where(p => p.ConversationId == conversationId && p.Reason == ParticipationReasons.Following)
            .Select(p => p.StaffId)
            .ToListAsync(cancellationToken);
        StaffNotifications.Notify(
            db, followers.Where(id => !mentioned.Contains(id)), authorId, NotificationKinds.FollowedActivity,
            $"{authorName} added a note: {Conversation.PreviewOf(text)}", StaffNotifications.ConversationLink(conversationId), now);
    }
}
