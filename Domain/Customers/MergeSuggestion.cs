using SocialEnterprise.Contracts.Customers;
using SocialEnterprise.Domain.Events;

namespace SocialEnterprise.Domain.Customers;

/// <summary>
/// Two customers who look like one person (same display name, similar handles on other channels). Staff decide:
/// a likeness is never merged silently.
/// </summary>
public sealed class MergeSuggestion
{
    private MergeSuggestion()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The customer just created, whose identity looks like one of the candidate's.</summary>
    public Guid CustomerId { get; private set; }

    public Guid CandidateId { get; private set; }

    public string Reason { get; private set; } = "";

    /// <summary>0 to 1: how alike the two look.</summary>
    public double Score { get; private set; }

    public string Status { get; private set; } = MergeSuggestionStatuses.Open;

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public string? DecidedBy { get; private set; }

    public static MergeSuggestion New(Guid customerId, Guid candidateId, string reason, double score, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        CustomerId = customerId,
        CandidateId = candidateId,
        Reason = reason,
        Score = score,
        Status = MergeSuggestionStatuses.Open,
        CreatedAt = now,
    };

    public void Decide(string status, string by, DateTimeOffset now)
    {
        Status = status;
        DecidedBy = by;
        DecidedAt = now;
    }
}


/// <summary>
/// A staff merge of one customer into another, with what it moved, so that it can be undone exactly: the moved
/// identities go back, and with them every conversation they opened, including ones opened after the merge.
/// </summary>
public sealed class CustomerMerge : EventSource
{
    private CustomerMerge()
    {
    }

    public Guid Id { get; private set; }

    public Guid SourceId { get; private set; }

    public Guid TargetId { get; private set; }

    public List<Guid> MovedIdentityIds { get; private set; } = [];

    public Guid? SuggestionId { get; private set; }

    public DateTimeOffset MergedAt { get; private set; }

    public string MergedBy { get; private set; } = "";

    public DateTimeOffset? UndoneAt { get; private set; }

    public string? UndoneBy { get; private set; }

    public static CustomerMerge New(Guid sourceId, Guid targetId, IEnumerable<Guid> movedIdentityIds, Guid? suggestionId, string by, DateTimeOffset now)
    {
        var merge = new CustomerMerge
        {
            Id = Guid.CreateVersion7(now),
            SourceId = sourceId,
            TargetId = targetId,
            MovedIdentityIds = [.. movedIdentityIds],
            SuggestionId = suggestionId,
            MergedAt = now,
            MergedBy = by,
        };
        merge.Record(new CustomersMerged(merge.Id, sourceId, targetId, merge.MovedIdentityIds.Count, by, now));
        return merge;
    }

    public void MarkUndone(string by, DateTimeOffset now)
    {
        UndoneAt = now;
        UndoneBy = by;
        Record(new CustomerMergeUndone(Id, SourceId, TargetId, by, now));
    }
}
