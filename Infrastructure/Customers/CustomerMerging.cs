using Microsoft.EntityFrameworkCore;
using SocialEnterprise.Contracts.Audit;
using SocialEnterprise.Contracts.Customers;
using SocialEnterprise.Domain.Customers;
using SocialEnterprise.Infrastructure.Audit;
using SocialEnterprise.Infrastructure.Persistence;

namespace SocialEnterprise.Infrastructure.Customers;

/// <summary>
/// Staff merges of two customers into one, and their undoing: each saved in one transaction with its audit record,
/// after which both customers' cached profiles go.
/// </summary>
public sealed class CustomerMerging(CrmDbContext db, TimeProvider time, CustomerProfileCache profiles)
{
    /// <summary>Merges the source customer into the target: identities and conversations move.</summary>
    public Task<MergeOutcome> MergeAsync(Guid sourceId, Guid targetId, Guid? suggestionId, Actor actor, CancellationToken cancellationToken) =>
        SaveAsync(AuditActions.CustomersMerged, actor, (now, token) => MoveAsync(sourceId, targetId, suggestionId, actor.Caller.Name, now, token), cancellationToken);

    /// <summary>Undoes a merge: the moved identities go back with every conversation they opened.</summary>
    public Task<MergeOutcome> UndoAsync(Guid mergeId, Actor actor, CancellationToken cancellationToken) =>
        SaveAsync(AuditActions.CustomerMergeUndone, actor, (now, token) => MoveBackAsync(mergeId, actor.Caller.Name, now, token), cancellationToken);

    /// <summary>
    /// Runs <paramref name="step"/> in one transaction (it mixes bulk updates and tracked changes), audited and committed
    /// together; the outcome carries both customers' names.
    /// </summary>
    private async Task<MergeOutcome> SaveAsync(
        string action, Actor actor, Func<DateTimeOffset, CancellationToken, Task<MergeOutcome>> step, CancellationToken cancellationToken)
    {
        var outcome = await db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            var now = time.GetUtcNow();
            var made = await step(now, token);
            if (made.Merge is { } merge)
            {
                var names = await db.Customers.Where(c => c.Id == merge.SourceId || c.Id == merge.TargetId)
                    .ToDictionaryAsync(c => c.Id, c => c.DisplayName, token);
                db.AuditLog.Add(actor.Audit(now, action, $"customer/{merge.TargetId}",
                    $"{names[merge.SourceId]} ({merge.SourceId}) into {names[merge.TargetId]} ({merge.TargetId}), {merge.MovedIdentityIds.Count} identities"));
                await db.SaveChangesAsync(token);
                made = made with { SourceName = names[merge.SourceId], TargetName = names[merge.TargetId] };
            }

            await transaction.CommitAsync(token);
            return made;
        }, cancellationToken);
        if (outcome.Merge is { } done)
        {
            await profiles.InvalidateAsync([done.SourceId, done.TargetId], cancellationToken);
        }

        return outcome;
    }

    private async Task<MergeOutcome> MoveAsync(Guid sourceId, Guid targetId, Guid? suggestionId, string by, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (sourceId == targetId)
        {
            return MergeOutcome.Invalid("targetId", "A customer cannot be merged into itself.");
        }

        var customers = await db.Customers.Where(c => c.Id == sourceId || c.Id == targetId).ToListAsync(cancellationToken);
        var source = customers.SingleOrDefault(c => c.Id == sourceId);
        var target = customers.SingleOrDefault(c => c.Id == targetId);
        if (source is null || target is null)
        {
            return MergeOutcome.Missing(source is null ? "sourceId" : "targetId");
        }

        if (source.MergedIntoId is not null || target.MergedIntoId is not null)
        {
            return MergeOutcome.Conflict($"{(source.MergedIntoId is not null ? "The source" : "The target")} was already merged into another customer.");
        }

        var identities = await db.CustomerIdentities.Where(i => i.CustomerId == sourceId).ToListAsync(cancellationToken);
        foreach (var identity in identities)
        {
            identity.MoveTo(targetId);
        }

        await db.Conversations.Where(c => c.CustomerId == sourceId)
            .ExecuteUpdateAsync(update => update.SetProperty(c => c.CustomerId, targetId), cancellationToken);
        source.MarkMergedInto(targetId, now);
        target.Observe(source.Email, source.Influence, now);

        foreach (var suggestion in await SuggestionsBetweenAsync(sourceId, targetId, cancellationToken))
        {
            suggestion.Decide(MergeSuggestionStatuses.Merged, by, now);
        }

        var merge = CustomerMerge.New(sourceId, targetId, identities.Select(i => i.Id), suggestionId, by, now);
        db.CustomerMerges.Add(merge);
        return MergeOutcome.Done(merge);
    }

    private async Task<MergeOutcome> MoveBackAsync(Guid mergeId, string by, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var merge = await db.CustomerMerges.SingleOrDefaultAsync(m => m.Id == mergeId, cancellationToken);
        if (merge is null)
        {
            return MergeOutcome.Missing("mergeId");
        }

        if (merge.UndoneAt is not null)
        {
            return MergeOutcome.Conflict("This merge was already undone.");
        }

        var identities = await db.CustomerIdentities.Where(i => merge.MovedIdentityIds.Contains(i.Id)).ToListAsync(cancellationToken);
        if (identities.Any(i => i.CustomerId != merge.TargetId))
        {
            return MergeOutcome.Conflict("A later merge moved these identities on; undo that merge first.");
        }

        foreach (var identity in identities)
        {
            identity.MoveTo(merge.SourceId);
        }

        await db.Conversations.Where(c => c.CustomerId == merge.TargetId && merge.MovedIdentityIds.Contains(c.IdentityId))
            .ExecuteUpdateAsync(update => update.SetProperty(c => c.CustomerId, merge.SourceId), cancellationToken);

        var customers = await db.Customers.Where(c => c.Id == merge.SourceId || c.Id == merge.TargetId).ToListAsync(cancellationToken);
        var source = customers.Single(c => c.Id == merge.SourceId);
        var target = customers.Single(c => c.Id == merge.TargetId);
        source.ClearMerge(now);
        source.SetInfluence(identities.Select(i => i.Followers).DefaultIfEmpty().Max(), now);
        var remaining = await db.CustomerIdentities
            .Where(i => i.CustomerId == merge.TargetId && !merge.MovedIdentityIds.Contains(i.Id))
            .Select(i => i.Followers)
            .ToListAsync(cancellationToken);
        target.SetInfluence(remaining.DefaultIfEmpty().Max(), now);

        foreach (var suggestion in await SuggestionsBetweenAsync(merge.SourceId, merge.TargetId, cancellationToken))
        {
            suggestion.Decide(MergeSuggestionStatuses.Dismissed, by, now);
        }

        merge.MarkUndone(by, now);
        return MergeOutcome.Done(merge);
    }

    private Task<List<MergeSuggestion>> SuggestionsBetweenAsync(Guid a, Guid b, CancellationToken cancellationToken) =>
        db.MergeSuggestions
            .Where(s => (s.CustomerId == a && s.CandidateId == b) || (s.CustomerId == b && s.CandidateId == a))
            .ToListAsync(cancellationToken);
}

/// <summary>How a merge or undo went: done, or why not (a missing customer, a conflict, an invalid request).</summary>
public sealed record MergeOutcome(CustomerMerge? Merge, string? MissingField, string? ConflictReason, string? InvalidField, string? InvalidReason)
{
    public string? SourceName { get; init; }

    public string? TargetName { get; init; }

    public static MergeOutcome Done(CustomerMerge merge) => new(merge, null, null, null, null);

    public static MergeOutcome Missing(string field) => new(null, field, null, null, null);

    public static MergeOutcome Conflict(string reason) => new(null, null, reason, null, null);

    public static MergeOutcome Invalid(string field, string reason) => new(null, null, null, field, reason);
}
