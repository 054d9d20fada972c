using SocialEnterprise.Contracts.Conversations;
using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SocialEnterprise.Api.Access;
using SocialEnterprise.Contracts.Access;
using SocialEnterprise.Contracts.Replies;
using SocialEnterprise.Infrastructure.Conversations;
using SocialEnterprise.Infrastructure.Replies;

namespace SocialEnterprise.Api.Replies;

/// <summary>
/// Replies to the customer: sent from a conversation under the reply guard (the thread must not have changed since
/// the version its author saw), queued at once or held for approval; approvers approve or reject what waits
/// (<see cref="ReplyWorkflow"/> does the work).
/// </summary>
public static class RepliesApi
{
    public const int MaxListed = 200;

    public static IEndpointRouteBuilder MapRepliesApi(this IEndpointRouteBuilder app)
    {
        var conversations = app.MapGroup("api/conversations").WithTags("Replies");
        conversations.MapPost("/{id:guid}/replies", SendAsync).RequirePermission(Permission.Write).RequireStaff("reply to customers")
            .WithSummary("Reply to the customer through the conversation's channel; refused (409) when the thread changed after the version its author saw");
        conversations.MapGet("/{id:guid}/replies/policy", PolicyAsync).RequirePermission(Permission.Read)
            .WithSummary("Which visibilities the conversation's channel supports and which need approval, and why");

        var approvals = app.MapGroup("api").WithTags("Replies");
        approvals.MapGet("/approvals", ApprovalsAsync).RequirePermission(Permission.Read)
            .WithSummary("Replies waiting for an approval the caller may give, oldest first");
        approvals.MapPost("/replies/{id:guid}/approve", ApproveAsync).RequirePermission(Permission.Write).RequireStaff("approve replies")
            .WithSummary("Approve a reply waiting for approval: it joins the outbound queue");
        approvals.MapPost("/replies/{id:guid}/reject", RejectAsync).RequirePermission(Permission.Write).RequireStaff("approve replies")
            .WithSummary("Reject a reply waiting for approval, with a reason: its text goes back into the conversation's draft");
        return app;
    }

    public static async Task<Results<Created<ReplyView>, NotFound, ValidationProblem, ProblemHttpResult>> SendAsync(
        Guid id, SendReplyRequest request, [AsParameters] ReplyServices services, CancellationToken cancellationToken)
    {

        var errors = new Dictionary<string, string[]>();
        var text = request.Text?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > ReplyLimits.MaxTextLength)
        {
            errors["text"] = [$"The reply, 1 to {ReplyLimits.MaxTextLength} characters."];
        }

        if (request.Visibility is null || !ReplyVisibilities.All.Contains(request.Visibility))
        {
            errors["visibility"] = [$"One of: {string.Join(", ", ReplyVisibilities.All)}."];
        }

        if (request.Version is not { } seen || seen < 0)
        {
            errors["version"] = ["The conversation version the reply was written on (the version you saw), 0 or more."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var outcome = await services.Workflow.SendAsync(
            id, text!, request.Visibility!, request.Version!.Value, request.InReplyToMessageId, services.Context.Actor, cancellationToken);
        return outcome.Refusal switch
        {
            ReplyRefusal.None => TypedResults.Created($"/api/conversations/{id}/replies/{outcome.Reply!.Id}", ReplyViews.ReplyView(outcome.Reply, outcome.ConversationVersion)),
            ReplyRefusal.NotFound => TypedResults.NotFound(),
            ReplyRefusal.Invalid => TypedResults.ValidationProblem(outcome.Errors!),
            _ => Refused(outcome),
        };
    }

    public static async Task<Results<Ok<ReplyPolicyView>, NotFound>> PolicyAsync(
        Guid id, [AsParameters] ReplyServices services, CancellationToken cancellationToken)
    {
        var db = services.Db;
        var conversation = await db.Conversations.AsNoTracking().VisibleTo(services.Caller, db).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (conversation is null)
        {
            return TypedResults.NotFound();
        }

        var approval = services.Approval.Value;
        var supported = ReplyChannels.VisibilitiesOf(conversation.Channel);
        var audience = await ReplyAudience.OfAsync(db, conversation, cancellationToken);
        return TypedResults.Ok(new ReplyPolicyView(
            conversation.Channel, supported, audience.DefaultVisibility,
            supported.Contains(ReplyVisibilities.Public) ? approval.ReasonFor(conversation, ReplyVisibilities.Public) : null,
            supported.Contains(ReplyVisibilities.Private) ? approval.ReasonFor(conversation, ReplyVisibilities.Private) : null,
            approval.Approvers, audience.CustomerWrotePrivately));
    }

    public static async Task<Ok<List<ApprovalView>>> ApprovalsAsync(
        [AsParameters] ReplyServices services, CancellationToken cancellationToken)
    {
        var db = services.Db;
        if (!services.Approval.Value.IsApprover(services.Caller))
        {
            return TypedResults.Ok(new List<ApprovalView>());
        }

        var departments = services.Caller.Departments.ToList();
        var everywhere = services.Caller.IsAdmin;
        var staffId = services.Caller.StaffId ?? Guid.Empty;
        var rows = await (
                from reply in db.Replies.AsNoTracking()
                where reply.State == ReplyStates.AwaitingApproval && (everywhere || departments.Contains(reply.Department)) && reply.AuthorId != staffId
                join conversation in db.Conversations on reply.ConversationId equals conversation.Id
                join customer in db.Customers on conversation.CustomerId equals customer.Id
                // The approver reads what the reply answers: the message it was written to, else the customer's latest before it.
                let answered = db.Messages
                    .Where(m => m.ConversationId == reply.ConversationId && m.Direction == MessageDirections.Inbound
                        && (reply.InReplyToMessageId == null ? m.ReceivedAt <= reply.CreatedAt : m.Id == reply.InReplyToMessageId))
                    .OrderByDescending(m => m.ReceivedAt)
                    .FirstOrDefault()
                orderby reply.CreatedAt, reply.Id
                select new ApprovalView(
                    reply.Id, reply.ConversationId, customer.DisplayName, reply.Channel, reply.Department, conversation.Topic, reply.Visibility,
                    reply.Text, reply.AuthorId, reply.AuthorName, reply.ApprovalReason, reply.CreatedAt,
                    conversation.ThreadVersion > reply.BasedOnVersion,
                    answered == null ? null : answered.Text, answered == null ? null : answered.OccurredAt))
            .Take(MaxListed)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(rows);
    }

    public static async Task<Results<Ok<ReplyView>, NotFound, ValidationProblem, ProblemHttpResult>> ApproveAsync(
        Guid id, [AsParameters] ReplyServices services, CancellationToken cancellationToken)
    {

        return Reviewed(await services.Workflow.ApproveAsync(id, services.Context.Actor, cancellationToken));
    }

    public static async Task<Results<Ok<ReplyView>, NotFound, ValidationProblem, ProblemHttpResult>> RejectAsync(
        Guid id, RejectReplyRequest request, [AsParameters] ReplyServices services, CancellationToken cancellationToken)
    {

        var reason = request.Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > ReplyLimits.MaxReasonLength)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["reason"] = [$"Why it is rejected, 1 to {ReplyLimits.MaxReasonLength} characters."],
            });
        }

        return Reviewed(await services.Workflow.RejectAsync(id, reason, services.Context.Actor, cancellationToken));
    }

    /// <summary>
    /// An approver's decision on a reply: 404 when it does not exist or its conversation is not visible to the caller,
    /// 403 for anyone who may not approve it (their own reply included), 409 when it no longer waits for approval.
    /// </summary>
    private static Results<Ok<ReplyView>, NotFound, ValidationProblem, ProblemHttpResult> Reviewed(ReplyOutcome outcome) =>
        outcome.Refusal switch
        {
            ReplyRefusal.None => TypedResults.Ok(ReplyViews.ReplyView(outcome.Reply!, outcome.ConversationVersion)),
            ReplyRefusal.NotFound => TypedResults.NotFound(),
            ReplyRefusal.Forbidden => TypedResults.Problem(outcome.Reason, statusCode: StatusCodes.Status403Forbidden, title: "Forbidden"),
            _ => TypedResults.Problem(outcome.Reason, statusCode: StatusCodes.Status409Conflict, title: "Conflict"),
        };

    /// <summary>
    /// The reply guard's refusal: what changed since the version the author saw in words, with the current version and
    /// the new items' ids for the composer to show; nothing was stored.
    /// </summary>
    private static ProblemHttpResult Refused(ReplyOutcome outcome)
    {
        var changes = outcome.Changes;
        var said = changes.Count == 0
            ? "The conversation changed after the version you saw."
            : string.Join(" ", changes.Select(change => change.Kind == ThreadChange.CustomerMessage
                ? $"The customer wrote again at {Clock(change.At)}."
                : $"{change.By} replied at {Clock(change.At)}."));
        return TypedResults.Problem(
            $"{said} Review the new messages, then send anyway or keep editing.",
            statusCode: StatusCodes.Status409Conflict,
            title: "The thread changed while you were writing",
            type: "https://social-enterprise.example/problems/reply-guard",
            extensions: new Dictionary<string, object?>
            {
                ["currentVersion"] = outcome.ConversationVersion,
                ["seenVersion"] = outcome.SeenVersion,
                ["newMessageIds"] = changes.Where(c => c.Kind == ThreadChange.CustomerMessage).Select(c => c.Id).ToList(),
                ["newReplyIds"] = changes.Where(c => c.Kind == ThreadChange.Reply).Select(c => c.Id).ToList(),
                ["changes"] = changes,
            });
    }

    private static string Clock(DateTimeOffset at) => at.UtcDateTime.ToString("HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
