using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SocialEnterprise.Contracts.Audit;
using SocialEnterprise.Contracts.Customers;
using SocialEnterprise.Infrastructure.Conversations;
using SocialEnterprise.Infrastructure.Customers;

namespace SocialEnterprise.Api.Customers;

public static partial class CustomersApi
{
    public static async Task<Results<Ok<IdentityView>, NotFound, ValidationProblem>> RecordConsentAsync(
        Guid id, Guid identityId, ConsentRequest request, [AsParameters] CustomerServices services, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (request.Status is not (ConsentStatuses.Granted or ConsentStatuses.Withdrawn))
        {
            errors["status"] = [$"{ConsentStatuses.Granted} or {ConsentStatuses.Withdrawn}."];
        }

        if (string.IsNullOrWhiteSpace(request.Basis) || request.Basis.Length > 500)
        {
            errors["basis"] = ["How consent was given or withdrawn, 1 to 500 characters."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var db = services.Db;
        var identity = await db.CustomerIdentities.SingleOrDefaultAsync(i => i.Id == identityId && i.CustomerId == id, cancellationToken);
        if (identity is null || !(services.Caller.CanTriage || await db.Conversations.VisibleTo(services.Caller, db).AnyAsync(c => c.CustomerId == id, cancellationToken)))
        {
            return TypedResults.NotFound();
        }

        identity.RecordConsent(request.Status!, request.Basis!.Trim(), services.Now);
        await services.SaveAuditedAsync(AuditActions.ConsentRecorded, $"{identity.Channel}/@{identity.Handle}", $"{request.Status}: {request.Basis}", cancellationToken);
        await services.Profiles.InvalidateAsync([id], cancellationToken);
        return TypedResults.Ok(CustomerViews.IdentityView(identity));
    }

    public static async Task<Results<NoContent, NotFound, ProblemHttpResult>> DismissAsync(
        Guid id, [AsParameters] CustomerServices services, CancellationToken cancellationToken)
    {
        var suggestion = await services.Db.MergeSuggestions.SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (suggestion is null)
        {
            return TypedResults.NotFound();
        }

        if (suggestion.Status != MergeSuggestionStatuses.Open)
        {
            return TypedResults.Problem($"The suggestion was already {suggestion.Status}.", statusCode: StatusCodes.Status409Conflict, title: "Already decided");
        }

        suggestion.Decide(MergeSuggestionStatuses.Dismissed, services.Caller.Name, services.Now);
        await services.SaveAuditedAsync(AuditActions.MergeSuggestionDismissed, $"customer/{suggestion.CustomerId}", suggestion.Reason, cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Results<Created<MergeView>, ProblemHttpResult, ValidationProblem>> MergeAsync(
        MergeRequest request, [AsParameters] CustomerServices services, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (request.SourceId is null)
        {
            errors["sourceId"] = ["Required: the customer whose identities move."];
        }

        if (request.TargetId is null)
        {
            errors["targetId"] = ["Required: the customer who keeps them."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return ToResult(await services.Merging.MergeAsync(
            request.SourceId!.Value, request.TargetId!.Value, request.SuggestionId, services.Context.Actor, cancellationToken));
    }

    public static async Task<Results<Created<MergeView>, ProblemHttpResult, ValidationProblem>> UndoAsync(
        Guid id, [AsParameters] CustomerServices services, CancellationToken cancellationToken) =>
        ToResult(await services.Merging.UndoAsync(id, services.Context.Actor, cancellationToken));

    private static Results<Created<MergeView>, ProblemHttpResult, ValidationProblem> ToResult(MergeOutcome outcome)
    {
        if (outcome.InvalidField is { } field)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [outcome.InvalidReason!] });
        }

        if (outcome.MissingField is { } missing)
        {
            return TypedResults.Problem($"Nothing found for {missing}.", statusCode: StatusCodes.Status404NotFound, title: "Not found");
        }

        if (outcome.ConflictReason is { } reason)
        {
            return TypedResults.Problem(reason, statusCode: StatusCodes.Status409Conflict, title: "Conflict");
        }

        var merge = outcome.Merge!;
        return TypedResults.Created($"/api/customers/merges/{merge.Id}", new MergeView(
            merge.Id, merge.SourceId, outcome.SourceName!, merge.TargetId, outcome.TargetName!, merge.MovedIdentityIds.Count, merge.MergedBy,
            merge.MergedAt, merge.UndoneBy, merge.UndoneAt));
    }
}
