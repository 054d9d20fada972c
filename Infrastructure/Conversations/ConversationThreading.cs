using Microsoft.EntityFrameworkCore;
using SocialEnterprise.Contracts.Listening;
using SocialEnterprise.Domain.Conversations;
using SocialEnterprise.Domain.Customers;
using SocialEnterprise.Infrastructure.Persistence;

namespace SocialEnterprise.Infrastructure.Conversations;

/// <summary>
/// Finds the conversation a message belongs to: the one holding the message it answers, else the one its thread
/// feeds (a channel thread, or a customer's direct messages). A resolved conversation takes the message back only
/// within the reopen window; after it, the message opens a follow-up conversation.
/// </summary>
public sealed class ConversationThreading(CrmDbContext db)
{
    public async Task<ThreadingDecision> PlaceAsync(
        string channel, IngestEventRequest request, TimeSpan reopenWindow, CancellationToken cancellationToken)
    {
        var threadKey = ThreadKeyOf(request);
        Guid? conversationId = null;
        if (request.InReplyTo is { } parentId)
        {
            conversationId = await db.Messages
                .Where(m => m.Channel == channel && m.ExternalId == parentId)
                .Select(m => (Guid?)m.ConversationId)
                .SingleOrDefaultAsync(cancellationToken);
            if (conversationId is null && await IsWaitingAsync(channel, parentId, cancellationToken))
            {
                return ThreadingDecision.WaitForParent(threadKey);
            }
        }

        if (conversationId is null && threadKey is not null)
        {
            conversationId = await db.ConversationThreads
                .Where(t => t.Channel == channel && t.ThreadKey == threadKey)
                .Select(t => (Guid?)t.ConversationId)
                .SingleOrDefaultAsync(cancellationToken);
        }

        // A channel's thread id is often the id of the post that started it.
        if (conversationId is null && request.ThreadId is { } threadId)
        {
            conversationId = await db.Messages
                .Where(m => m.Channel == channel && m.ExternalId == threadId)
                .Select(m => (Guid?)m.ConversationId)
                .SingleOrDefaultAsync(cancellationToken);
        }

        if (conversationId is null)
        {
            return ThreadingDecision.New(threadKey, previous: null);
        }

        var conversation = await db.Conversations.SingleAsync(c => c.Id == conversationId, cancellationToken);
        return conversation.Accepts(request.OccurredAt!.Value, reopenWindow)
            ? ThreadingDecision.Join(conversation, threadKey)
            : ThreadingDecision.New(threadKey, previous: conversation.Id);
    }

    /// <summary>Points the thread key at the conversation, so the thread's next messages find it.</summary>
    public async Task PointThreadAsync(string channel, string? threadKey, Guid conversationId, CancellationToken cancellationToken)
    {
        if (threadKey is null)
        {
            return;
        }

        var thread = await db.ConversationThreads.SingleOrDefaultAsync(t => t.Channel == channel && t.ThreadKey == threadKey, cancellationToken);
        if (thread is null)
        {
            db.ConversationThreads.Add(ConversationThread.For(channel, threadKey, conversationId));
        }
        else
        {
            thread.PointTo(conversationId);
        }
    }

    /// <summary>A channel thread id, or for direct messages without one, the customer's own thread with the company.</summary>
    public static string? ThreadKeyOf(IngestEventRequest request) =>
        request.ThreadId is { } threadId ? $"thread:{threadId}"
        : request.Kind == MessageKinds.DirectMessage ? $"dm:{IdentityKeys.Handle(request.Author!.Handle!)}"
        : null;

    private Task<bool> IsWaitingAsync(string channel, string externalId, CancellationToken cancellationToken) =>
        db.IngestEvents.AnyAsync(
            e => e.Channel == channel && e.ExternalId == externalId && e.Status == IngestEventStatuses.Pending, cancellationToken);
}

/// <summary>Where a message goes: into an existing conversation, a new one (maybe following up an old one), or back to wait.</summary>
public sealed record ThreadingDecision(Conversation? Existing, string? ThreadKey, Guid? PreviousConversationId, bool ParentPending)
{
    public static ThreadingDecision Join(Conversation conversation, string? threadKey) => new(conversation, threadKey, null, false);

    public static ThreadingDecision New(string? threadKey, Guid? previous) => new(null, threadKey, previous, false);

    public static ThreadingDecision WaitForParent(string? threadKey) => new(null, threadKey, null, true);
}
