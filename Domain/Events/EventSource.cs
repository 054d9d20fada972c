using SocialEnterprise.Contracts.Events;

namespace SocialEnterprise.Domain.Events;

/// <summary>
/// An entity that records what happened to it; the database context appends those events to the event log when it
/// saves the entity, in the same transaction.
/// </summary>
public abstract class EventSource
{
    private readonly List<DomainEvent> _pendingEvents = [];

    public IReadOnlyList<DomainEvent> PendingEvents => _pendingEvents;

    protected void Record(DomainEvent domainEvent) => _pendingEvents.Add(domainEvent);

    public void ClearPendingEvents() => _pendingEvents.Clear();
}
