using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialEnterprise.Contracts.Audit;
using SocialEnterprise.Contracts.Collaboration;
using SocialEnterprise.Contracts.Conversations;
using SocialEnterprise.Contracts.Replies;
using SocialEnterprise.Contracts.Staff;
using SocialEnterprise.Domain.Conversations;
using SocialEnterprise.Domain.Replies;
using SocialEnterprise.Infrastructure.Audit;
using SocialEnterprise.Infrastructure.Collaboration;
using SocialEnterprise.Infrastructure.Conversations;
using SocialEnterprise.Infrastructure.Persistence;

namespace SocialEnterprise.Infrastructure.Replies;

/// <summary>
/// Replies to the customer: written under the reply guard (the thread must not have changed since the version its
/// author saw), queued at once or held for approval; approvers approve or reject what waits. Each step is saved with
/// its audit record, the engagement the unified front shows and the notifications it owes.
/// </summary>
public sealed class ReplyWorkflow(CrmDbContext db, TimeProvider time, IOptions<ReplyApproval> approval)
{
    /// <summary>
    /// Sends the caller's reply (a staff member's; the request already checked) or holds it for approval; refused when
    /// what the request names does not fit the conversation, or when the thread changed after <paramref name="version"/>.
    /// </summary>
    public async Task<ReplyOutcome> SendAsync(
        Guid id, string text, string visibility, int version, Guid? inReplyTo, Actor actor, CancellationToken cancellationToken)
    {
        var caller = actor.Caller;
        var staffId = caller.StaffId ?? throw new InvalidOperationException("Only staff members reply; the endpoint checks first.");
        var conversation = await db.Conversations.VisibleTo(caller, db).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (conversation is null)
        {
            return ReplyOutcome.NotFound;
        }

        var errors = new Dictionary<string, string[]>();
        var supported = ReplyChannels.VisibilitiesOf(conversation.Channel);
        if (!supported.Contains(visibility))
        {
            errors["visibility"] = [$"{conversation.Channel} takes only {string.Join(" or ", supported)} replies."];
        }

        if (version > conversation.Version)
        {
            errors["version"] = [$"The conversation is only at version {conversation.Version}."];
        }

        if (inReplyTo is { } messageId
            && !await db.Messages.AnyAsync(m => m.Id == messageId && m.ConversationId == id && m.Direction == MessageDirections.Inbound, cancellationToken))
        {
            errors["inReplyToMessageId"] = ["A message the customer wrote in this conversation."];
        }

        if (errors.Count > 0)
        {
            return ReplyOutcome.Invalid(errors);
        }

        if (conversation.ThreadChangedSince(version))
        {
            return await ThreadChangedAsync(conversation, version, cancellationToken);
        }

        inReplyTo ??= await db.Messages
            .Where(m => m.ConversationId == id && m.Direction == MessageDirections.Inbound)
            .OrderByDescending(m => m.OccurredAt).ThenByDescending(m => m.ReceivedAt)
            .Select(m => (Guid?)m.Id)
            .FirstOrDefaultAsync(cancellationToken);

        var now = time.GetUtcNow();
        var reason = approval.Value.ReasonFor(conversation, visibility);
        var reply = Reply.Write(conversation, ReplyKinds.Reply, visibility, text, inReplyTo, staffId, caller.DisplayName, version, reason, now);
        db.Replies.Add(reply);
        if (reason is null)
        {
            ReplySending.Queued(conversation, reply, now);
            db.AuditLog.Add(actor.Audit(now, AuditActions.ReplySent, Target(conversation.Id), Describe(reply)));
        }
        else
        {
            db.AuditLog.Add(actor.Audit(now, AuditActions.ReplySubmittedForApproval, Target(conversation.Id), $"{Describe(reply)} ({reason})"));
            StaffNotifications.Notify(
                db, await ApproversOfAsync(conversation.Department, cancellationToken), staffId, NotificationKinds.ApprovalRequested,
                $"{caller.DisplayName} asks you to approve a {visibility} reply on {conversation.Channel}: {Conversation.PreviewOf(text)}",
                "/approvals", now);
        }

        StaffEngagement.Record(db, caller, conversation, EngagementKinds.Reply, Conversation.PreviewOf(text), now);
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
            return await ThreadChangedAsync(current, version, cancellationToken);
        }

        return ReplyOutcome.Done(reply, conversation.Version);
    }

    /// <summary>Approves a reply waiting for approval: it joins the outbound queue and its author hears of it.</summary>
    public Task<ReplyOutcome> ApproveAsync(Guid id, Actor actor, CancellationToken cancellationToken) =>
        ReviewAsync(id, actor, "approved", (reply, conversation, staffId, now) =>
        {
            var caller = actor.Caller;
            if (!reply.Approve(staffId, caller.DisplayName, now))
            {
                return Task.FromResult(false);
            }

            ReplySending.Queued(conversation, reply, now);
            db.AuditLog.Add(actor.Audit(now, AuditActions.ReplyApproved, Target(conversation.Id), Describe(reply)));
            if (reply.AuthorId is { } authorId)
            {
                StaffNotifications.Notify(
                    db, [authorId], staffId, NotificationKinds.ReplyApproved,
                    $"{caller.DisplayName} approved your reply: {Conversation.PreviewOf(reply.Text)}", StaffNotifications.ConversationLink(conversation.Id), now);
            }

            return Task.FromResult(true);
        }, cancellationToken);

    /// <summary>Rejects a reply waiting for approval: its text goes back into the conversation's draft, with the reason.</summary>
    public Task<ReplyOutcome> RejectAsync(Guid id, string reason, Actor actor, CancellationToken cancellationToken) =>
        ReviewAsync(id, actor, "rejected", async (reply, conversation, staffId, now) =>
        {
            var caller = actor.Caller;
            if (!reply.Reject(staffId, caller.DisplayName, reason, now))
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
            db.AuditLog.Add(actor.Audit(now, AuditActions.ReplyRejected, Target(conversation.Id), $"{Describe(reply)}: {reason}"));
            if (reply.AuthorId is { } authorId)
            {
                StaffNotifications.Notify(
                    db, [authorId], staffId, NotificationKinds.ReplyRejected,
                    $"{caller.DisplayName} rejected your reply: {reason}", StaffNotifications.ConversationLink(conversation.Id), now);
            }

            return true;
        }, cancellationToken);

    /// <summary>The customer's messages and the replies that joined the thread after <paramref name="seenVersion"/>, oldest first.</summary>
    public async Task<List<ThreadChange>> ThreadChangesAsync(Guid conversationId, int seenVersion, CancellationToken cancellationToken)
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

    /// <summary>
    /// An approver's decision on a reply (the caller is a staff member; the request already checked): not found when it
    /// does not exist or its conversation is not visible to the caller, forbidden for anyone who may not approve it
    /// (their own reply included), a conflict when it no longer waits for approval.
    /// </summary>
    private async Task<ReplyOutcome> ReviewAsync(
        Guid id, Actor actor, string step, Func<Reply, Conversation, Guid, DateTimeOffset, Task<bool>> review, CancellationToken cancellationToken)
    {
        var caller = actor.Caller;
        var staffId = caller.StaffId ?? throw new InvalidOperationException("Only staff members approve replies; the endpoint checks first.");
        var reply = await db.Replies.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        var conversation = reply is null
            ? null
            : await db.Conversations.VisibleTo(caller, db).SingleOrDefaultAsync(c => c.Id == reply.ConversationId, cancellationToken);
        if (reply is null || conversation is null)
        {
            return ReplyOutcome.NotFound;
        }

        if (!approval.Value.MayApprove(caller, reply))
        {
            return ReplyOutcome.Forbidden(reply.AuthorId == staffId
                ? "Nobody approves their own reply: another approver must."
                : $"Only {string.Join(" or ", approval.Value.Approvers)}s of {reply.Department} approve this reply.");
        }

        var now = time.GetUtcNow();
        var state = reply.State;
        if (!await review(reply, conversation, staffId, now))
        {
            return ReplyOutcome.Conflict($"The reply is {state}: it cannot be {step}.");
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ReplyOutcome.Conflict($"Someone else decided on the reply or changed the conversation at the same moment: it was not {step}.");
        }

        return ReplyOutcome.Done(reply, conversation.Version);
    }

    private async Task<ReplyOutcome> ThreadChangedAsync(Conversation conversation, int seenVersion, CancellationToken cancellationToken) =>
        ReplyOutcome.ThreadChanged(conversation.Version, seenVersion, await ThreadChangesAsync(conversation.Id, seenVersion, cancellationToken));

    private Task<List<Guid>> ApproversOfAsync(string department, CancellationToken cancellationToken)
    {
        var roles = approval.Value.Approvers.ToList();
        var adminsApprove = roles.Contains(StaffRoles.Admin);
        return (
                from userRole in db.UserRoles
                join role in db.Roles on userRole.RoleId equals role.Id
                where roles.Contains(role.Name!)
                    && ((adminsApprove && role.Name == StaffRoles.Admin)
                        || db.DepartmentMemberships.Any(m => m.StaffUserId == userRole.UserId && m.DepartmentId == department))
                select userRole.UserId)
            .Distinct()
            .ToListAsync(cancellationToken);
    }

    private static string Target(Guid conversationId) => $"conversation/{conversationId}";

    private static string Describe(Reply reply) => $"{reply.Visibility} reply {reply.Id}: {Conversation.PreviewOf(reply.Text)}";
}
