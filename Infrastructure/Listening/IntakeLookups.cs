using Microsoft.EntityFrameworkCore;
using SocialEnterprise.Contracts.Listening;
using SocialEnterprise.Domain.Conversations;
using SocialEnterprise.Domain.Customers;
using SocialEnterprise.Domain.Listening;
using SocialEnterprise.Infrastructure.Conversations;
using SocialEnterprise.Infrastructure.Persistence;

namespace SocialEnterprise.Infrastructure.Listening;

/// <summary>
/// What a batch of events needs from the database, read up front in one query per kind (identities, their customers,
/// threads, the messages replies answer, the conversations these lead to, likely matches for new authors), and kept up
/// to date as the batch adds to it. A key that was looked for and is not here is known to be absent, so the steps skip
/// the database for it; a key that was never looked for is asked of the database as before.
/// </summary>
/// <remarks>
/// The entities are tracked by the batch's context, which saves once for the whole batch: the lookups stand in for the
/// reads that would otherwise see the batch's earlier, not yet saved, changes.
/// </remarks>
public sealed class IntakeLookups(CrmDbContext db)
{
    private readonly Dictionary<(string Channel, string Handle), CustomerIdentity?> _identities = [];
    private readonly Dictionary<(string Channel, string ThreadKey), ConversationThread?> _threads = [];
    private readonly Dictionary<(string Channel, string ExternalId), Guid?> _messages = [];
    private readonly Dictionary<(string Channel, string ExternalId), IngestEvent> _events = [];
    private readonly Dictionary<(string Channel, string ExternalId), bool> _queued = [];
    private readonly HashSet<string> _emails = [];
    private readonly HashSet<string> _nameKeys = [];
    private readonly HashSet<string> _handleKeys = [];

    /// <summary>Reads what <paramref name="batch"/> needs; its events are tracked by the context from now on.</summary>
    public async Task PreloadAsync(IReadOnlyList<IngestEvent> batch, CancellationToken cancellationToken)
    {
        Clear();
        var requests = batch.Select(e => (Event: e, Request: e.Request())).ToList();
        foreach (var (ingestEvent, _) in requests)
        {
            _events[(ingestEvent.Channel, ingestEvent.ExternalId)] = ingestEvent;
        }

        var identityKeys = new HashSet<(string Channel, string Handle)>();
        var messageKeys = new HashSet<(string Channel, string ExternalId)>();
        var threadKeys = new HashSet<(string Channel, string ThreadKey)>();
        foreach (var (ingestEvent, request) in requests)
        {
            var author = request.Author!;
            identityKeys.Add((ingestEvent.Channel, IdentityKeys.Handle(author.Handle!)));
            foreach (var link in author.Links ?? [])
            {
                identityKeys.Add((link.Channel!, IdentityKeys.Handle(link.Handle!)));
            }

            if (IdentityKeys.Email(author.Email) is { } email)
            {
                _emails.Add(email);
            }

            if (IdentityKeys.Name(author.DisplayName!) is var nameKey && IdentityKeys.IsDistinctiveName(nameKey))
            {
                _nameKeys.Add(nameKey);
            }

            if (IdentityKeys.HandleLetters(IdentityKeys.Handle(author.Handle!)) is var handleKey && IdentityKeys.IsDistinctiveHandle(handleKey))
            {
                _handleKeys.Add(handleKey);
            }

            if (request.InReplyTo is { } parent)
            {
                messageKeys.Add((ingestEvent.Channel, parent));
            }

            if (request.ThreadId is { } threadId)
            {
                messageKeys.Add((ingestEvent.Channel, threadId));
            }

            if (ConversationThreading.ThreadKeyOf(request) is { } threadKey)
            {
                threadKeys.Add((ingestEvent.Channel, threadKey));
            }
        }

        // Identities by handle, by email and by likeness in one read; all tracked, since the batch may change them.
        // Channel and key each as a list: the (channel, key) indexes answer both lists at once.
        var identityChannels = identityKeys.Select(k => k.Channel).Distinct().ToList();
        var handles = identityKeys.Select(k => k.Handle).Distinct().ToList();
        var emails = _emails.ToList();
        var nameKeys = _nameKeys.ToList();
        var handleKeys = _handleKeys.ToList();
        var identities = await db.CustomerIdentities
            .Where(i => (identityChannels.Contains(i.Channel) && handles.Contains(i.Handle)) || (i.Email != null && emails.Contains(i.Email))
                || nameKeys.Contains(i.NameKey) || handleKeys.Contains(i.HandleKey))
            .ToListAsync(cancellationToken);
        Remember(_identities, identityKeys, identities.ToDictionary(i => (i.Channel, i.Handle), i => (CustomerIdentity?)i));

        var customerIds = identities.Select(i => i.CustomerId).Distinct().ToList();
        await db.Customers.Where(c => customerIds.Contains(c.Id)).LoadAsync(cancellationToken);

        var messageChannels = messageKeys.Select(k => k.Channel).Distinct().ToList();
        var externalIds = messageKeys.Select(k => k.ExternalId).Distinct().ToList();
        var messages = await db.Messages
            .Where(m => messageChannels.Contains(m.Channel) && externalIds.Contains(m.ExternalId))
            .Select(m => new { m.Channel, m.ExternalId, m.ConversationId })
            .ToListAsync(cancellationToken);
        var messagesByKey = messages.ToDictionary(m => (m.Channel, m.ExternalId), m => (Guid?)m.ConversationId);
        Remember(_messages, messageKeys, messagesByKey);

        await ReadQueuedAsync(messageKeys.Where(k => !messagesByKey.ContainsKey(k) && !_events.ContainsKey(k)).ToList(), cancellationToken);

        var threadChannels = threadKeys.Select(k => k.Channel).Distinct().ToList();
        var keys = threadKeys.Select(k => k.ThreadKey).Distinct().ToList();
        var threads = await db.ConversationThreads
            .Where(t => threadChannels.Contains(t.Channel) && keys.Contains(t.ThreadKey))
            .ToListAsync(cancellationToken);
        Remember(_threads, threadKeys, threads.ToDictionary(t => (t.Channel, t.ThreadKey), t => (ConversationThread?)t));

        var conversationIds = messages.Select(m => m.ConversationId).Concat(threads.Select(t => t.ConversationId)).Distinct().ToList();
        await db.Conversations.Where(c => conversationIds.Contains(c.Id)).LoadAsync(cancellationToken);
    }

    /// <summary>
    /// Whether the messages answered that are neither stored nor in the batch still wait in the queue. By channel and
    /// external id only (the unique index): a filter on the status would let stale statistics pick the waiting-events
    /// index and walk the whole backlog.
    /// </summary>
    private async Task ReadQueuedAsync(List<(string Channel, string ExternalId)> unknown, CancellationToken cancellationToken)
    {
        if (unknown.Count == 0)
        {
            return;
        }

        var channels = unknown.Select(k => k.Channel).Distinct().ToList();
        var externalIds = unknown.Select(k => k.ExternalId).Distinct().ToList();
        var queued = await db.IngestEvents
            .Where(e => channels.Contains(e.Channel) && externalIds.Contains(e.ExternalId))
            .Select(e => new { e.Channel, e.ExternalId, e.Status })
            .ToListAsync(cancellationToken);
        var statusByKey = queued.ToDictionary(e => (e.Channel, e.ExternalId), e => e.Status);
        foreach (var key in unknown)
        {
            _queued[key] = statusByKey.GetValueOrDefault(key) == IngestEventStatuses.Pending;
        }
    }

    /// <summary>What was found for each key looked for; a key not found is remembered as known to be absent (null).</summary>
    private static void Remember<TValue>(
        Dictionary<(string, string), TValue?> into, IEnumerable<(string, string)> keys, Dictionary<(string, string), TValue?> found)
    {
        foreach (var key in keys)
        {
            into[key] = found.GetValueOrDefault(key);
        }
    }

    public void Clear()
    {
        _queued.Clear();
        _identities.Clear();
        _threads.Clear();
        _messages.Clear();
        _events.Clear();
        _emails.Clear();
        _nameKeys.Clear();
        _handleKeys.Clear();
    }

    public bool TryGetIdentity(string channel, string handle, out CustomerIdentity? identity) =>
        _identities.TryGetValue((channel, handle), out identity);

    public void Added(CustomerIdentity identity) => _identities[(identity.Channel, identity.Handle)] = identity;

    /// <summary>The identities sharing <paramref name="email"/>, when the batch read them (tracked, with the batch's own).</summary>
    public IEnumerable<CustomerIdentity>? WithEmail(string email) =>
        _emails.Contains(email) ? db.CustomerIdentities.Local.Where(i => i.Email == email) : null;

    /// <summary>The identities alike by name or handle letters, when the batch read them (tracked, with the batch's own).</summary>
    public IEnumerable<CustomerIdentity>? Alike(string? nameKey, string? handleKey) =>
        (nameKey is null || _nameKeys.Contains(nameKey)) && (handleKey is null || _handleKeys.Contains(handleKey))
            ? db.CustomerIdentities.Local.Where(i => i.NameKey == nameKey || i.HandleKey == handleKey)
            : null;

    public bool TryGetThread(string channel, string threadKey, out ConversationThread? thread) =>
        _threads.TryGetValue((channel, threadKey), out thread);

    public void Added(ConversationThread thread) => _threads[(thread.Channel, thread.ThreadKey)] = thread;

    public bool TryGetMessageConversation(string channel, string externalId, out Guid? conversationId) =>
        _messages.TryGetValue((channel, externalId), out conversationId);

    public void Added(Message message) => _messages[(message.Channel, message.ExternalId)] = message.ConversationId;

    /// <summary>Whether the event of that external id still waits, when it is one of the batch's or the batch read it.</summary>
    public bool TryGetWaiting(string channel, string externalId, out bool waiting)
    {
        if (_events.TryGetValue((channel, externalId), out var ingestEvent))
        {
            waiting = ingestEvent.Status == IngestEventStatuses.Pending;
            return true;
        }

        return _queued.TryGetValue((channel, externalId), out waiting);
    }
}
