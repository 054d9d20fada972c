namespace SocialEnterprise.Contracts.Listening;

/// <summary>An event the noise filter dropped, or one parked after repeated failures, as staff review it.</summary>
public sealed record IngestEventView(
    Guid Id, string Channel, string ExternalId, string Kind, string AuthorHandle, string AuthorName, string Text, DateTimeOffset ReceivedAt,
    DateTimeOffset OccurredAt, string Status, string? Reason, Guid? RuleId, int Attempts, string? LastError);

public sealed record IngestEventPage(IReadOnlyList<IngestEventView> Items, int Total);

/// <summary>How many parked events went back to the queue, and how many are still parked (a call takes at most 1,000).</summary>
public sealed record ParkedReplayResult(int Replayed, int Remaining);
