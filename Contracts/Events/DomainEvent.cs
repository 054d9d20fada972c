namespace SocialEnterprise.Contracts.Events;

/// <summary>
/// Something that happened in the system, named in the past tense. It is appended to the event log in the same
/// transaction as the change it describes, and consumers read the log by sequence number.
/// </summary>
public abstract record DomainEvent(DateTimeOffset OccurredAt)
{
    /// <summary>The stream the event belongs to, such as <c>probe/3f2a...</c>; consumers use it to pick what they show.</summary>
    public abstract string StreamId { get; }
}
