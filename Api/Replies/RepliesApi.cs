using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialEnterprise.Api.Access;
using SocialEnterprise.Api.Audit;
using SocialEnterprise.Api.Conversations;
using SocialEnterprise.Contracts.Access;
using SocialEnterprise.Contracts.Audit;
using SocialEnterprise.Contracts.Collaboration;
using SocialEnterprise.Contracts.Conversations;
using SocialEnterprise.Contracts.Replies;
using SocialEnterprise.Domain.Conversations;
using SocialEnterprise.Domain.Replies;
using SocialEnterprise.Infrastructure.Collaboration;
using SocialEnterprise.Infrastructure.Conversations;
using SocialEnterprise.Infrastructure.Persistence;
using SocialEnterprise.Infrastructure.Replies;

namespace SocialEnterprise.Api.Replies;

/// <summary>
/// Replies to the customer: sent from a conversation under the reply guard (the thread must not have changed since
/// the version its author saw), queued at once or held for approval; approvers approve or reject what waits.
/// </summary>
public static class RepliesApi
{
    public const int MaxListed = 200;

    public static IEndpointRouteBuilder MapRepliesApi(this IEndpointRouteBuilder app)
    {
        var conversations = app.MapGroup("api/conversations").WithTags("Replies");
        conversations.MapPost("/{id:guid}/replies", SendAsync).RequirePermission(Permission.Write)
            .WithSummary("Reply to the customer through the conversation's channel; refused (409) when the thread changed after the version its author saw");
        conversations.MapGet("/{id:guid}/replies/policy", PolicyAsync).RequirePermission(Permission.Read)
            .WithSummary("Which visibilities the conversation's channel supports and which need approval, and why");

        var approvals = app.MapGroup("api").WithTags("Replies");
        approvals.MapGet("/approvals", ApprovalsAsync).RequirePermission(Permission.Read)
            .WithSummary("Replies waiting for an approval the caller may give, oldest first");
        approvals.MapPost("/replies/{id:guid}/approve", ApproveAsync).RequirePermission(Permission.Write)
            .WithSummary("Approve a reply waiting for approval: it joins the outbound queue");
        approvals.MapPost("/replies/{id:guid}/reject", RejectAsync).RequirePermission(Permission.Write)
            .WithSummary("Reject a reply waiting for approval, with a reason: its text goes back into the conversation's draft");
        return app;
    }

    public static async Task<Results<Created<ReplyView>, NotFound, ValidationProblem, ProblemHttpResult>> SendAsync(
        Guid id, SendReplyRequest request, ClaimsPrincipal user, HttpContext http, CrmDbContext db, TimeProvider time,
        IOptions<ReplyApproval> approval, CancellationToken cancellationToken)
    {
        var caller = Caller.From(user);
        if (caller.StaffId is not { } staffId)
        {
            return TypedResults.Problem("Only staff members reply to customers.", statusCode: StatusCodes.Status400BadRequest);
        }

        var errors = new Dictionary<string, string[]>();
        var text = request.Text?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > Reply.MaxTextLength)
        {
            errors["text"] = [$"The reply, 1 to {Reply.MaxTextLength} characters."];
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

        var conversation = await db.Conversations.VisibleTo(caller, db).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (conversation is null)
        {
            return TypedResults.NotFound();
        }

        var visibility = request.Visibility!;
        var supported = ReplyChannels.VisibilitiesOf(conversation.Channel);
        if (!supported.Contains(visibility))
        {
            errors["visibility"] = [$"{conversation.Channel} takes only {string.Join(" or ", supported)} replies."];
        }

        if (request.Version > conversation.Version)
        {
            errors["version"] = [$"The conversation is only at version {conversation.Version}."];
        }

        var inReplyTo = request.InReplyToMessageId;
        if (inReplyTo is { } messageId
            && !await db.Messages.AnyAsync(m => m.Id == messageId && m.ConversationId == id && m.Direction == MessageDirections.Inbound, cancellationToken))
        {
            errors["inReplyToMessageId"] = ["A message the customer wrote in this conversation."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var version = request.Version!.Value;
        if (conversation.ThreadChangedSince(version))
        {
            return await RefusedAsync(db, conversation, version, cancellationToken);
        }

        inReplyTo ??= await db.Messages
            .Where(m => m.ConversationId == id && m.Direction == MessageDirections.Inbound)
            .OrderByDescending(m => m.OccurredAt).ThenByDescending(m => m.ReceivedAt)
            .Select(m => (Guid?)m.Id)
            .FirstOrDefaultAsync(cancellationToken);

        var now = time.GetUtcNow();
        var reason = approval.Value.ReasonFor(conversation, visibility);
        var reply = Reply.Write(conversation, ReplyKinds.Reply, visibility, text!, inReplyTo, staffId, caller.DisplayName, version, reason, now);
        db.Replies.Add(reply);
        if (reason is null)
        {
            ReplySending.Queued(conversation, reply, now);
            db.AuditLog.Add(AuditRecords.By(caller, http, now, AuditActions.ReplySent, Target(conversation.Id), Describe(reply)));
        }
        else
        {
            db.AuditLog.Add(AuditRecords.By(
                caller, http, now, AuditActions.ReplySubmittedForApproval, Target(conversation.Id), $"{Describe(reply)} ({reason})"));
            StaffNotifications.Notify(
                db, await ApproversOfAsync(db, approval.Value, conversation.Department, cancellationToken), staffId, NotificationKinds.ApprovalRequested,
                $"{caller.DisplayName} asks you to approve a {visibility} reply on {conversation.Channel}: {Conversation.PreviewOf(text!)}",
                "/approvals", now);
        }

        ConversationsApi.Engage(db, caller, conversation, EngagementKinds.Reply, Conversation.PreviewOf(text!), now);
        var draft = await db.ReplyDrafts.SingleOrDefaultAsync(d => d.ConversationId == id, cancellationToken);
        draft?.Clear(staffId, caller.DisplayName, now);

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone else's reply (or the customer's message) was saved between our read and our write.
            db.ChangeTracker.Clear();
            var current = await db.Conversations.AsNoTracking().SingleAsync(c => c.Id == id, cancellationToken);
            return await RefusedAsync(db, current, version, cancellationToken);
        }

        return TypedResults.Created($"/api/conversations/{id}/replies/{reply.Id}", ReplyViews.ReplyView(reply, conversation.Version));
    }

    public static async Task<Results<Ok<ReplyPolicyView>, NotFound>> PolicyAsync(
        Guid id, ClaimsPrincipal user, CrmDbContext db, IOptions<ReplyApproval> approval, CancellationToken cancellationToken)
    {
        var conversation = await db.Conversations.AsNoTracking().VisibleTo(Caller.From(user), db).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (conversation is null)
        {
            return TypedResults.NotFound();
        }

        var supported = ReplyChannels.VisibilitiesOf(conversation.Channel);
        return TypedResults.Ok(new ReplyPolicyView(
            conversation.Channel, supported, ReplyChannels.DefaultVisibilityOf(conversation.Channel),
            supported.Contains(ReplyVisibilities.Public) ? approval.Value.ReasonFor(conversation, ReplyVisibilities.Public) : null,
            supported.Contains(ReplyVisibilities.Private) ? approval.Value.ReasonFor(conversation, ReplyVisibilities.Private) : null,
            approval.Value.Approvers));
    }

    public static async Task<Ok<List<ApprovalView>>> ApprovalsAsync(
        ClaimsPrincipal user, CrmDbContext db, IOptions<ReplyApproval> approval, CancellationToken cancellationToken)
    {
        var caller = Caller.From(user);
        if (!approval.Value.IsApprover(caller))
        {
            return TypedResults.Ok(new List<ApprovalView>());
        }

        var departments = caller.Departments.ToList();
        var everywhere = caller.IsAdmin;
        var staffId = caller.StaffId ?? Guid.Empty;
        var rows = await (
                from reply in db.Replies.AsNoTracking()
                where reply.State == ReplyStates.AwaitingApproval && (everywhere || departments.Contains(reply.Department)) && reply.AuthorId != staffId
                join conversation in db.Conversations on reply.ConversationId equals conversation.Id
                join customer in db.Customers on conversation.CustomerId equals customer.Id
                orderby reply.CreatedAt, reply.Id
                select new ApprovalView(
                    reply.Id, reply.ConversationId, customer.DisplayName, reply.Channel, reply.Department, conversation.Topic, reply.Visibility,
                    reply.Text, reply.AuthorId, reply.AuthorName, reply.ApprovalReason, reply.CreatedAt,
                    conversation.ThreadVersion > reply.BasedOnVersion))
            .Take(MaxListed)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(rows);
    }

    public static Task<Results<Ok<ReplyView>, NotFound, ValidationProblem, ProblemHttpResult>> ApproveAsync(
        Guid id, ClaimsPrincipal user, HttpContext http, CrmDbContext db, TimeProvider time, IOptions<ReplyApproval> approval,
        CancellationToken cancellationToken) =>
        ReviewAsync(id, Caller.From(user), db, time, approval.Value, "approved", null, (reply, conversation, caller, staffId, now) =>
        {
            if (!reply.Approve(staffId, caller.DisplayName, now))
            {
                return Task.FromResult(false);
            }

            ReplySending.Queued(conversation, reply, now);
            db.AuditLog.Add(AuditRecords.By(caller, http, now, AuditActions.ReplyApproved, Target(conversation.Id), Describe(reply)));
            if (reply.AuthorId is { } authorId)
            {
                StaffNotifications.Notify(
                    db, [authorId], staffId, NotificationKinds.ReplyApproved,
                    $"{caller.DisplayName} approved your reply: {Conversation.PreviewOf(reply.Text)}", StaffNotifications.ConversationLink(conversation.Id), now);
            }

            return Task.FromResult(true);
        }, cancellationToken);

    public static async Task<Results<Ok<ReplyView>, NotFound, ValidationProblem, ProblemHttpResult>> RejectAsync(
        Guid id, RejectReplyRequest request, ClaimsPrincipal user, HttpContext http, CrmDbContext db, TimeProvider time,
        IOptions<ReplyApproval> approval, CancellationToken cancellationToken)
    {
        var reason = request.Reason?.Trim();
        var invalid = string.IsNullOrEmpty(reason) || reason.Length > Reply.MaxReasonLength
            ? new Dictionary<string, string[]> { ["reason"] = [$"Why it is rejected, 1 to {Reply.MaxReasonLength} characters."] }
            : null;
        return await ReviewAsync(id, Caller.From(user), db, time, approval.Value, "rejected", invalid, async (reply, conversation, caller, staffId, now) =>
        {
            if (!reply.Reject(staffId, caller.DisplayName, reason!, now))
            {
                return false;
            }

            var draft = await db.ReplyDrafts.SingleOrDefaultAsync(d => d.ConversationId == conversation.Id, cancellationToken);
            if (draft is null)
            {
                draft = ReplyDraft.For(conversation, now);
                db.ReplyDrafts.Add(draft);
            }

            draft.Return(reply.Text, reply.Visibility, $"Rejected by {caller.DisplayName}: {reason}", staffId, caller.DisplayName, now);
            db.AuditLog.Add(AuditRecords.By(caller, http, now, AuditActions.ReplyRejected, Target(conversation.Id), $"{Describe(reply)}: {reason}"));
            if (reply.AuthorId is { } authorId)
            {
                StaffNotifications.Notify(
                    db, [authorId], staffId, NotificationKinds.ReplyRejected,
                    $"{caller.DisplayName} rejected your reply: {reason}", StaffNotifications.ConversationLink(conversation.Id), now);
            }

            return true;
        }, cancellationToken);
    }

    /// <summary>
    /// An approver's decision on a reply: 404 when it does not exist or its conversation is not visible to the caller,
    /// 403 for anyone who may not approve it (their own reply included), 409 when it no longer waits for approval.
    /// </summary>
    private static async Task<Results<Ok<ReplyView>, NotFound, ValidationProblem, ProblemHttpResult>> ReviewAsync(
        Guid id, Caller caller, CrmDbContext db, TimeProvider time, ReplyApproval approval, string step, Dictionary<string, string[]>? invalid,
        Func<Reply, Conversation, Caller, Guid, DateTimeOffset, Task<bool>> review, CancellationToken cancellationToken)
    {
        if (caller.StaffId is not { } staffId)
        {
            return TypedResults.Problem("Only staff members approve replies.", statusCode: StatusCodes.Status400BadRequest);
        }

        if (invalid is not null)
        {
            return TypedResults.ValidationProblem(invalid);
        }

        var reply = await db.Replies.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        var conversation = reply is null
            ? null
            : await db.Conversations.VisibleTo(caller, db).SingleOrDefaultAsync(c => c.Id == reply.ConversationId, cancellationToken);
        if (reply is null || conversation is null)
        {
            return TypedResults.NotFound();
        }

        if (!approval.MayApprove(caller, reply))
        {
            var why = reply.AuthorId == staffId
                ? "Nobody approves their own reply: another approver must."
                : $"Only {string.Join(" or ", approval.Approvers)}s of {reply.Department} approve this reply.";
            return TypedResults.Problem(why, statusCode: StatusCodes.Status403Forbidden, title: "Forbidden");
        }

        var now = time.GetUtcNow();
        var state = reply.State;
        if (!await review(reply, conversation, caller, staffId, now))
        {
            return TypedResults.Problem(
                $"The reply is {state}: it cannot be {step}.", statusCode: StatusCodes.Status409Conflict, title: "Conflict");
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return TypedResults.Problem(
                $"Someone else decided on the reply or changed the conversation at the same moment: it was not {step}.",
                statusCode: StatusCodes.Status409Conflict, title: "Conflict");
        }

        return TypedResults.Ok(ReplyViews.ReplyView(reply, conversation.Version));
    }

    /// <summary>
    /// The reply guard's refusal: what changed since <paramref name="seenVersion"/> in words, with the current version and
    /// the new items' ids for the composer to show; nothing was stored.
    /// </summary>
    private static async Task<ProblemHttpResult> RefusedAsync(
        CrmDbContext db, Conversation conversation, int seenVersion, CancellationToken cancellationToken)
    {
        var changes = await ThreadChangesAsync(db, conversation.Id, seenVersion, cancellationToken);
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
                ["currentVersion"] = conversation.Version,
                ["seenVersion"] = seenVersion,
                ["newMessageIds"] = changes.Where(c => c.Kind == ThreadChange.CustomerMessage).Select(c => c.Id).ToList(),
                ["newReplyIds"] = changes.Where(c => c.Kind == ThreadChange.Reply).Select(c => c.Id).ToList(),
                ["changes"] = changes,
            });
    }

    /// <summary>The customer's messages and the replies that joined the thread after <paramref name="seenVersion"/>, oldest first.</summary>
    public static async Task<List<ThreadChange>> ThreadChangesAsync(CrmDbContext db, Guid conversationId, int seenVersion, CancellationToken cancellationToken)
    {
        var messages = await db.Messages.AsNoTracking()
            .Where(m => m.ConversationId == conversationId && m.Direction == MessageDirections.Inbound && m.ThreadVersion > seenVersion)
            .Select(m => new { m.Id, m.AuthorName, m.ReceivedAt, m.Text, m.ThreadVersion })
            .ToListAsync(cancellationToken);
        var replies = await db.Replies.AsNoTracking()
            .Where(r => r.ConversationId == conversationId && r.ThreadVersion > seenVersion)
            .Select(r => new { r.Id, r.AuthorName, At = r.QueuedAt ?? r.CreatedAt, r.Text, r.ThreadVersion })
            .ToListAsync(cancellationToken);
        return messages.Select(m => (m.ThreadVersion, Change: new ThreadChange(ThreadChange.CustomerMessage, m.Id, m.AuthorName, m.ReceivedAt, Conversation.PreviewOf(m.Text))))
            .Concat(replies.Select(r => (r.ThreadVersion, Change: new ThreadChange(ThreadChange.Reply, r.Id, r.AuthorName, r.At, Conversation.PreviewOf(r.Text)))))
            .OrderBy(pair => pair.ThreadVersion)
            .Select(pair => pair.Change)
            .ToList();
    }

    private static Task<List<Guid>> ApproversOfAsync(CrmDbContext db, ReplyApproval approval, string department, CancellationToken cancellationToken)
    {
        var roles = approval.Approvers.ToList();
        var adminsApprove = roles.Contains(Contracts.Staff.StaffRoles.Admin);
        return (
                from userRole in db.UserRoles
                join role in db.Roles on userRole.RoleId equals role.Id
                where roles.Contains(role.Name!)
                    && ((adminsApprove && role.Name == Contracts.Staff.StaffRoles.Admin)
                        || db.DepartmentMemberships.Any(m => m.StaffUserId == userRole.UserId && m.DepartmentId == department))
                select userRole.UserId)
            .Distinct()
            .ToListAsync(cancellationToken);
    }

    private static string Target(Guid conversationId) => $"conversation/{conversationId}";

    private static string Describe(Reply reply) => $"{reply.Visibility} reply {reply.Id}: {Conversation.PreviewOf(reply.Text)}";

    private static string Clock(DateTimeOffset at) => at.UtcDateTime.ToString("HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
