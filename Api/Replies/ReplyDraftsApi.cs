using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SocialEnterprise.Api.Access;
using SocialEnterprise.Contracts.Access;
using SocialEnterprise.Contracts.Replies;
using SocialEnterprise.Domain.Replies;
using SocialEnterprise.Infrastructure.Conversations;
using SocialEnterprise.Infrastructure.Persistence;
using SocialEnterprise.Infrastructure.Replies;

namespace SocialEnterprise.Api.Replies;

/// <summary>
/// The shared reply draft of a conversation: read and saved by everyone who sees the conversation, each save naming
/// the draft version it edited (409 with the current draft when a colleague saved in between).
/// </summary>
public static class ReplyDraftsApi
{
    public static IEndpointRouteBuilder MapReplyDraftsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/conversations").WithTags("Replies");
        api.MapGet("/{id:guid}/draft", GetAsync).RequirePermission(Permission.Read)
            .WithSummary("The conversation's shared reply draft (version 0 when nobody has written one)");
        api.MapPut("/{id:guid}/draft", SaveAsync).RequirePermission(Permission.Write).RequireStaff("write drafts")
            .WithSummary("Save the shared draft, naming the draft version you edited; 409 with the current draft when someone saved in between");
        api.MapDelete("/{id:guid}/draft", DiscardAsync).RequirePermission(Permission.Write).RequireStaff("write drafts")
            .WithSummary("Empty the shared draft");
        return app;
    }

    public static async Task<Results<Ok<DraftView>, NotFound>> GetAsync(Guid id, [AsParameters] ApiServices services, CancellationToken cancellationToken)
    {
        var conversation = await services.Db.Conversations.AsNoTracking().VisibleTo(services.Caller, services.Db).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (conversation is null)
        {
            return TypedResults.NotFound();
        }

        var draft = await services.Db.ReplyDrafts.AsNoTracking().SingleOrDefaultAsync(d => d.ConversationId == id, cancellationToken);
        return TypedResults.Ok(ReplyViews.DraftView(
            draft ?? ReplyDraft.For(conversation, conversation.OpenedAt, (await ReplyAudience.OfAsync(services.Db, conversation, cancellationToken)).DefaultVisibility)));
    }

    public static async Task<Results<Ok<DraftView>, NotFound, ValidationProblem, ProblemHttpResult>> SaveAsync(
        Guid id, SaveDraftRequest request, [AsParameters] ApiServices services, CancellationToken cancellationToken)
    {
        var staffId = services.StaffId;

        var errors = new Dictionary<string, string[]>();
        if (request.Text is null || request.Text.Length > ReplyLimits.MaxTextLength)
        {
            errors["text"] = [$"The draft, up to {ReplyLimits.MaxTextLength} characters (empty to clear it)."];
        }

        if (request.Visibility is null || !ReplyVisibilities.All.Contains(request.Visibility))
        {
            errors["visibility"] = [$"One of: {string.Join(", ", ReplyVisibilities.All)}."];
        }

        if (request.Version is not >= 0)
        {
            errors["version"] = ["The draft version you edited (0 for a new draft)."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var conversation = await services.Db.Conversations.AsNoTracking().VisibleTo(services.Caller, services.Db).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (conversation is null)
        {
            return TypedResults.NotFound();
        }

        var draft = await services.Db.ReplyDrafts.SingleOrDefaultAsync(d => d.ConversationId == id, cancellationToken);
        if (draft is null)
        {
            draft = ReplyDraft.For(conversation, services.Now);
            services.Db.ReplyDrafts.Add(draft);
        }

        if (!draft.Save(request.Version!.Value, request.Text!, request.Visibility!, staffId, services.Caller.DisplayName, services.Now))
        {
            return Conflict(draft);
        }

        try
        {
            await services.Db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is DbUpdateConcurrencyException || DatabaseErrors.IsUniqueViolation(exception))
        {
            // A colleague saved (or started the draft) between our read and our write.
            services.Db.ChangeTracker.Clear();
            var current = await services.Db.ReplyDrafts.AsNoTracking().SingleAsync(d => d.ConversationId == id, cancellationToken);
            return Conflict(current);
        }

        return TypedResults.Ok(ReplyViews.DraftView(draft));
    }

    public static async Task<Results<NoContent, NotFound, ProblemHttpResult>> DiscardAsync(
        Guid id, [AsParameters] ApiServices services, CancellationToken cancellationToken)
    {
        var staffId = services.StaffId;

        if (!await services.Db.Conversations.VisibleTo(services.Caller, services.Db).AnyAsync(c => c.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        var draft = await services.Db.ReplyDrafts.SingleOrDefaultAsync(d => d.ConversationId == id, cancellationToken);
        if (draft is not null)
        {
            draft.Clear(staffId, services.Caller.DisplayName, services.Now);
            try
            {
                await services.Db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                return TypedResults.Problem(
                    "A colleague saved the draft at the same moment: it was not emptied.", statusCode: StatusCodes.Status409Conflict, title: "Conflict");
            }
        }

        return TypedResults.NoContent();
    }

    private static ProblemHttpResult Conflict(ReplyDraft current) => TypedResults.Problem(
        $"{(current.UpdatedByName.Length == 0 ? "A colleague" : current.UpdatedByName)} saved the draft after the version you edited: your text was not saved. Merge your words into theirs and save again.",
        statusCode: StatusCodes.Status409Conflict,
        title: "The draft changed",
        extensions: new Dictionary<string, object?> { ["current"] = ReplyViews.DraftView(current) });
}
