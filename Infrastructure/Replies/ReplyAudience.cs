using Microsoft.EntityFrameworkCore;
using SocialEnterprise.Contracts.Conversations;
using SocialEnterprise.Contracts.Replies;
using SocialEnterprise.Domain.Conversations;
using SocialEnterprise.Infrastructure.Persistence;

namespace SocialEnterprise.Infrastructure.Replies;

/// <summary>Where a reply on a conversation goes first: where its customer last wrote, within what the channel supports.</summary>
public sealed record ReplyAudience(string DefaultVisibility, bool CustomerWrotePrivately)
{
    public static async Task<ReplyAudience> OfAsync(CrmDbContext db, Conversation conversation, CancellationToken cancellationToken)
    {
        var lastKind = await db.Messages.AsNoTracking()
            .Where(m => m.ConversationId == conversation.Id && m.Direction == MessageDirections.Inbound)
            .OrderByDescending(m => m.OccurredAt)
            .Select(m => m.Kind)
            .FirstOrDefaultAsync(cancellationToken);
        return new ReplyAudience(ReplyChannels.DefaultVisibilityOf(conversation.Channel, lastKind), ReplyChannels.WrotePrivately(lastKind));
    }
}
