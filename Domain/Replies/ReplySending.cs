using SocialEnterprise.Contracts.Replies;
using SocialEnterprise.Domain.Conversations;

namespace SocialEnterprise.Domain.Replies;

/// <summary>
/// The one place a reply joins the outbound queue on behalf of staff (at sending, or at approval): the conversation
/// records that it was answered, in the same unit of work. Whatever must follow a queued reply (waking the delivery
/// worker) is wired here.
/// </summary>
public static class ReplySending
{
    /// <summary>
    /// Marks <paramref name="conversation"/> answered by <paramref name="reply"/>, which <see cref="Reply.Write"/> or
    /// <see cref="Reply.Approve"/> has just queued; the caller saves both together.
    /// </summary>
    public static void Queued(Conversation conversation, Reply reply, DateTimeOffset now)
    {
        if (reply.State != ReplyStates.Queued)
        {
            throw new InvalidOperationException($"Reply {reply.Id} is {reply.State}, not queued.");
        }

        conversation.Replied(reply.Id, reply.AuthorId, reply.AuthorName, reply.Visibility, now);
        reply.JoinedThreadAt(conversation.ThreadVersion);
    }
}
