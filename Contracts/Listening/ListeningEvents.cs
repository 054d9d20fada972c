using SocialEnterprise.Contracts.Events;

namespace SocialEnterprise.Contracts.Listening;

public sealed record IngestEventFiltered(Guid IngestEventId, string Channel, string ExternalId, string Reason, DateTimeOffset OccurredAt)
    : DomainEvent(OccurredAt)
{
    public override string StreamId => IngestStream.Of(IngestEventId);
}

public sealed record IngestEventParked(
    Guid IngestEventId, string Channel, string ExternalId, string Error, int Attempts, DateTimeOffset OccurredAt)
    : DomainEvent(OccurredAt)
{
    public override string StreamId => IngestStream.Of(IngestEventId);
}

public static class IngestStream
{
    public static string Of(Guid ingestEventId) => $"ingest/{ingestEventId:N}";
}
