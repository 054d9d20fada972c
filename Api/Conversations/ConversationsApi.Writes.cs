using Microsoft.AspNetCore.Http.HttpResults;
using SocialEnterprise.Contracts.Conversations;
using SocialEnterprise.Domain.Conversations;
using SocialEnterprise.Infrastructure.Conversations;

namespace SocialEnterprise.Api.Conversations;

public static partial class ConversationsApi
{
    public static async Task<Results<NoContent, NotFound, ValidationProblem, ProblemHttpResult>> ChangeStatusAsync(
        Guid id, ConversationStatusRequest request, [AsParameters] ConversationServices services, CancellationToken cancellationToken)
    {
        if (request.Status is null || !ConversationStatuses.All.Contains(request.Status))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["status"] = [$"One of: {string.Join(", ", ConversationStatuses.All)}."] });
        }

        return ToResult(await services.Changes.ChangeStatusAsync(id, request.Status, services.Context.Actor, cancellationToken));
    }

    public static async Task<Results<NoContent, NotFound, ProblemHttpResult>> FollowAsync(
        Guid id, [AsParameters] ConversationServices services, CancellationToken cancellationToken)
    {

        var outcome = await services.Changes.FollowAsync(id, services.Context.Actor, cancellationToken);
        return outcome.Succeeded ? TypedResults.NoContent() : TypedResults.NotFound();
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> UnfollowAsync(
        Guid id, [AsParameters] ConversationServices services, CancellationToken cancellationToken)
    {

        await services.Changes.UnfollowAsync(id, services.Context.Actor, cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Results<NoContent, NotFound, ValidationProblem, ProblemHttpResult>> AssignAsync(
        Guid id, AssignRequest request, [AsParameters] ConversationServices services, CancellationToken cancellationToken) =>
        ToResult(await services.Changes.AssignAsync(id, request.StaffId, services.Context.Actor, cancellationToken));

    public static async Task<Results<NoContent, NotFound, ValidationProblem, ProblemHttpResult>> ClaimAsync(
        Guid id, [AsParameters] ConversationServices services, CancellationToken cancellationToken)
    {

        return ToResult(await services.Changes.ClaimAsync(id, services.Context.Actor, cancellationToken));
    }

    public static async Task<Results<Created<NoteView>, NotFound, ValidationProblem, ProblemHttpResult>> AddNoteAsync(
        Guid id, NoteRequest request, [AsParameters] ConversationServices services, CancellationToken cancellationToken)
    {

        var text = request.Text?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > ConversationNote.MaxTextLength)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["text"] = [$"The note, 1 to {ConversationNote.MaxTextLength} characters."],
            });
        }

        return await services.Changes.AddNoteAsync(id, text, services.Context.Actor, cancellationToken) is { } note
            ? TypedResults.Created($"/api/conversations/{id}", ConversationViews.NoteView(note))
            : TypedResults.NotFound();
    }

    private static Results<NoContent, NotFound, ValidationProblem, ProblemHttpResult> ToResult(ConversationChangeOutcome outcome) =>
        outcome.Refusal switch
        {
            ConversationChangeRefusal.None => TypedResults.NoContent(),
            ConversationChangeRefusal.NotFound => TypedResults.NotFound(),
            ConversationChangeRefusal.Invalid => TypedResults.ValidationProblem(new Dictionary<string, string[]> { [outcome.Field!] = [outcome.Reason!] }),
            ConversationChangeRefusal.Forbidden => TypedResults.Problem(outcome.Reason, statusCode: StatusCodes.Status403Forbidden),
            _ => TypedResults.Problem(outcome.Reason, statusCode: StatusCodes.Status409Conflict, title: "Conflict"),
        };
}
