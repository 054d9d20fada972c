using SocialEnterprise.Contracts.Events;

namespace SocialEnterprise.Contracts.Customers;

public sealed record CustomersMerged(Guid MergeId, Guid SourceId, Guid TargetId, int IdentitiesMoved, string By, DateTimeOffset OccurredAt)
    : DomainEvent(OccurredAt)
{
    public override string StreamId => CustomerStream.Of(TargetId);
}

public sealed record CustomerMergeUndone(Guid MergeId, Guid SourceId, Guid TargetId, string By, DateTimeOffset OccurredAt)
    : DomainEvent(OccurredAt)
{
    public override string StreamId => CustomerStream.Of(TargetId);
}

public static class CustomerStream
{
    public static string Of(Guid customerId) => $"customer/{customerId:N}";
}
