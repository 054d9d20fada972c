using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SocialEnterprise.Api.Access;
using SocialEnterprise.Api.Listening;
using SocialEnterprise.Contracts.Access;
using SocialEnterprise.Contracts.Audit;
using SocialEnterprise.Contracts.Replies;
using SocialEnterprise.Domain.Conversations;
using SocialEnterprise.Infrastructure.Conversations;
using SocialEnterprise.Infrastructure.Replies;

namespace SocialEnterprise.Api.Replies;

/// <summary>
/// The outbound side of the channels: their connectors report on replies at <c>POST /api/outbound/{channel}/events</c>
/// (signed with the channel's outbound secret, like the inbound webhooks), and staff send a failed reply again.
/// </summary>
public static class ReplyDeliveryApi
{
    public static void AddDeliveryReceipts(this IHostApplicationBuilder builder)
    {
        builder.Services.AddReplyDeliveryOptions();
        builder.Services.AddSatisfactionSurveys();
    }

    public static IEndpointRouteBuilder MapReplyDeliveryApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("api/outbound/{channel}/events", ReportAsync)
            .WithTags("Reply delivery")
            .WithSummary("A channel reports on a reply (signed with X-Signature-256 and the channel's outbound secret)")
            .WithDescription(
                "type delivered | failed | survey-answer; the reply by replyId or by the externalId its connector answered. " +
                "200 {replyId, state, changed} (a repeated report changes nothing); 401 without a valid signature; 404 for an " +
                "unknown channel or reply; 400 naming each invalid field.")
            .Accepts<OutboundEventRequest>("application/json")
            .WithSignatureHeader("channel's outbound secret")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .AllowAnonymous();

        app.MapPost("api/conversations/{id:guid}/replies/{replyId:guid}/retry", RetryAsync)
            .WithTags("Conversations")
            .WithSummary("Send a failed reply again: it rejoins the outbound queue with a fresh set of attempts")
            .RequirePermission(Permission.Write);
        return app;
    }

    public static async Task<Results<Ok<OutboundEventResult>, ValidationProblem, ProblemHttpResult>> ReportAsync(
        string channel, HttpRequest request, [AsParameters] ReplyDeliveryServices services,
        CancellationToken cancellationToken)
    {
        var post = await SignedWebhooks.ReadAsync<OutboundEventRequest>(
            channel, request, services.Options.Value.SecretOf, "report",
            $"the {channel} channel's outbound secret (Outbound:Secrets:{channel})", cancellationToken);
        if (post.Refused is { } refused)
        {
            return refused;
        }

        var report = post.Value!;
        var errors = DeliveryReceipts.Validate(report);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The report has invalid fields");
        }

        var (result, mismatch) = await DeliveryReceipts.ApplyAsync(services.Db, channel, report, services.Now, cancellationToken);
        if (mismatch is not null)
        {
            return TypedResults.ValidationProblem(mismatch, title: "The report does not fit the reply");
        }

        return result is null
            ? SignedWebhooks.Problem(StatusCodes.Status404NotFound, "Unknown reply", $"No reply on {channel} has that {(report.ReplyId is null ? "externalId" : "replyId")}.")
            : TypedResults.Ok(result);
    }

    public static async Task<Results<Ok<ThreadReplyView>, NotFound, ProblemHttpResult>> RetryAsync(
        Guid id, Guid replyId, [AsParameters] ReplyDeliveryServices services, CancellationToken cancellationToken)
    {
        var conversation = await services.Db.Conversations.AsNoTracking().VisibleTo(services.Caller, services.Db).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (conversation is null)
        {
            return TypedResults.NotFound();
        }

        var reply = await services.Db.Replies.SingleOrDefaultAsync(r => r.Id == replyId && r.ConversationId == id, cancellationToken);
        if (reply is null)
        {
            return TypedResults.NotFound();
        }

        if (!reply.Retry(services.Now))
        {
            return TypedResults.Problem(
                $"Only a failed reply is sent again; this one is {reply.State}.", statusCode: StatusCodes.Status409Conflict, title: "Not failed");
        }

        services.Audit(AuditActions.ReplyRetried, $"conversation/{id}/reply/{replyId}", Conversation.PreviewOf(reply.Text));
        try
        {
            await services.Db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return TypedResults.Problem(
                "The reply changed while it was being sent again; look again.", statusCode: StatusCodes.Status409Conflict, title: "Conflict");
        }

        return TypedResults.Ok(ReplyViews.ThreadReplyView(reply));
    }

}
