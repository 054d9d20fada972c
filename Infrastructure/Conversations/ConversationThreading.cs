using Microsoft.EntityFrameworkCore;
using SocialEnterprise.Contracts.Listening;
using SocialEnterprise.Domain.Conversations;
using SocialEnterprise.Domain.Customers;
using SocialEnterprise.Infrastructure.Listening;
using SocialEnterprise.Infrastructure.Persistence;

namespace SocialEnterprise.Infrastructure.Conversations;

/// <summary>
/// Finds the conversation a message belongs to: the one holding the message it answers, else the one its thread
/// feeds (a channel thread, or a customer's direct messages). A resolved conversation takes the message back only
/// within the reopen window; after it, the message opens a follow-up conversation.
/// </summary>
public sealed class ConversationThreading(CrmDbContext db, IntakeLookups lookups)
{
    public async Task<ThreadingDecision> PlaceAsync(
        string channel, IngestEventRequest request, TimeSpan reopenWindow, CancellationToken cancellationToken)
    {
        var threadKey = ThreadKeyOf(request);
        Guid? conversationId = null;
        if (request.InReplyTo is { } parentId)
        {
            conversationId = await ConversationOfMessageAsync(channel, parentId, cancellationToken);
            if (conversationId is null && await IsWaitingAsync(channel, parentId, cancellationToken))
            {
                return ThreadingDecision.WaitForParent(threadKey);
            }
        }

        if (conversationId is null && threadKey is not null)
        {
            conversationId = (await FindThreadAsync(channel, threadKey, cancellationToken))?.ConversationId;
        }

        // A channel's thread id is often the id of the post that started it.
        if (conversationId is null && request.ThreadId is { } threadId)
        {
            conversationId = await ConversationOfMessageAsync(channel, threadId, cancellationToken);
        }

        if (conversationId is null)
        {
            return ThreadingDecision.New(threadKey, previous: null);
        }

        var conversation = await db.Conversations.FindAsync([conversationId.Value], cancellationToken)
            ?? throw new InvalidOperationException($"Conversation {conversationId} of a thread or message does not exist.");
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

        var thread = await FindThreadAsync(channel, threadKey, cancellationToken);
        if (thread is null)
        {
            thread = ConversationThread.For(channel, threadKey, conversationId);
            db.ConversationThreads.Add(thread);
            lookups.Added(thread);
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

    /// <summary>Whether the message answered is still to be carried (an event of the batch, else one in the queue).</summary>
    private async Task<bool> IsWaitingAsync(string channel, string externalId, CancellationToken cancellationToken) =>
        lookups.TryGetWaiting(channel, externalId, out var waiting)
            ? waiting
            // By the unique key alone: a filter on the status lets stale statistics choose the index of waiting events.
            : await db.IngestEvents.Where(e => e.Channel == channel && e.ExternalId == externalId)
                .Select(e => e.Status).SingleOrDefaultAsync(cancellationToken) == IngestEventStatuses.Pending;

    private async Task<Guid?> ConversationOfMessageAsync(string channel, string externalId, CancellationToken cancellationToken) =>
        lookups.TryGetMessageConversation(channel, externalId, out var known)
            ? known
            : await db.Messages
                .Where(m => m.Channel == channel && m.ExternalId == externalId)
                .Select(m => (Guid?)m.ConversationId)
                .SingleOrDefaultAsync(cancellationToken);

    private async Task<ConversationThread?> FindThreadAsync(string channel, string threadKey, CancellationToken cancellationToken) =>
        lookups.TryGetThread(channel, threadKey, out var known)
            ? known
            : await db.ConversationThreads.SingleOrDefaultAsync(t => t.Channel == channel && t.ThreadKey == threadKey, cancellationToken);
}

/// <summary>Where a message goes: into an existing conversation, a new one (maybe following up an old one), or back to wait.</summary>
public sealed record ThreadingDecision(Conversation? Existing, string? ThreadKey, Guid? PreviousConversationId, bool ParentPending)
{
    public static ThreadingDecision Join(Conversation conversation, string? threadKey) => new(conversation, threadKey, null, false);

    public static ThreadingDecision New(string? threadKey, Guid? previous) => new(null, threadKey, previous, false);

    public static ThreadingDecision WaitForParent(string? threadKey) => new(null, threadKey, null, true);
}
