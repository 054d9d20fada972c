using Microsoft.EntityFrameworkCore;
using SocialEnterprise.Contracts.Access;
using SocialEnterprise.Contracts.Audit;
using SocialEnterprise.Contracts.Collaboration;
using SocialEnterprise.Contracts.Conversations;
using SocialEnterprise.Domain.Conversations;
using SocialEnterprise.Infrastructure.Assignment;
using SocialEnterprise.Infrastructure.Audit;
using SocialEnterprise.Infrastructure.Collaboration;
using SocialEnterprise.Infrastructure.Persistence;
using SocialEnterprise.Infrastructure.Replies;

namespace SocialEnterprise.Infrastructure.Conversations;

/// <summary>
/// A staff member's changes to a conversation they may see (status, assignee, following, notes), each saved with its
/// audit record and the engagement the customer's unified front shows, and with its effects: a resolution sends the
/// satisfaction survey, and an assignee who has room again gets the next conversation waiting in the department.
/// </summary>
public sealed class ConversationChanges(CrmDbContext db, TimeProvider time, AssignmentService assignment, SatisfactionSurveys surveys)
{
    public async Task<ConversationChangeOutcome> ChangeStatusAsync(Guid id, string status, Actor actor, CancellationToken cancellationToken)
    {
        var survey = status == ConversationStatuses.Resolved ? await surveys.PlanAsync(db, id, time.GetUtcNow(), cancellationToken) : null;
        string? freedIn = null;
        var outcome = await ChangeAsync(id, actor, "the status was being set", (conversation, caller, now) =>
        {
            var from = conversation.Status;
            // An assigned conversation that stops waiting on staff makes room for its assignee.
            freedIn = conversation.AssigneeId is not null && from == ConversationStatuses.Open ? conversation.Department : null;
            if (!conversation.ChangeStatus(status, caller.DisplayName, now))
            {
                return null;
            }

            // The customer is asked how it went, in the same transaction as the resolution.
            if (survey is not null)
            {
                surveys.Send(db, conversation, survey, now);
            }

            return new StaffChange(AuditActions.ConversationStatusChanged, EngagementKinds.StatusChanged, $"{from} -> {status}");
        }, cancellationToken);
        if (outcome.Succeeded && freedIn is not null && status != ConversationStatuses.Open)
        {
            await assignment.DrainAsync(freedIn, cancellationToken);
        }

        return outcome;
    }

    /// <summary>Assigns the conversation to a member of its department, or to nobody (<paramref name="staffId"/> null).</summary>
    public async Task<ConversationChangeOutcome> AssignAsync(Guid id, Guid? staffId, Actor actor, CancellationToken cancellationToken)
    {
        var current = await db.Conversations.AsNoTracking().VisibleTo(actor.Caller, db).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (current is null)
        {
            return ConversationChangeOutcome.NotFound;
        }

        string? assigneeName = null;
        if (staffId is { } wanted)
        {
            var assignee = await db.Users.AsNoTracking()
                .Where(u => u.Id == wanted)
                .Select(u => new { u.DisplayName, Departments = u.Departments.Select(d => d.DepartmentId).ToList() })
                .SingleOrDefaultAsync(cancellationToken);
            if (assignee is null || !assignee.Departments.Contains(current.Department))
            {
                return ConversationChangeOutcome.Invalid("staffId", $"A member of the {current.Department} department, where the conversation is.");
            }

            assigneeName = assignee.DisplayName;
        }

        Guid? previous = null;
        var outcome = await ChangeAsync(id, actor, "it was being assigned", (conversation, caller, now) =>
        {
            previous = conversation.AssigneeId;
            if (!conversation.Assign(staffId, assigneeName, caller.DisplayName, now))
            {
                return null;
            }

            if (staffId is { } assigneeId)
            {
                StaffNotifications.Notify(
                    db, [assigneeId], caller.StaffId, NotificationKinds.Assignment,
                    $"{caller.DisplayName} assigned you a conversation: {conversation.Preview}", StaffNotifications.ConversationLink(id), now);
            }

            return new StaffChange(AuditActions.ConversationAssigned, EngagementKinds.Assigned, assigneeName is null ? "unassigned" : $"to {assigneeName}");
        }, cancellationToken);
        if (outcome.Succeeded && previous is not null)
        {
            // The previous assignee has room again.
            await assignment.DrainAsync(current.Department, cancellationToken);
        }

        return outcome;
    }

    /// <summary>The caller, a staff member of the conversation's department, takes it whoever had it.</summary>
    public async Task<ConversationChangeOutcome> ClaimAsync(Guid id, Actor actor, CancellationToken cancellationToken)
    {
        var staffId = StaffIdOf(actor);
        var current = await db.Conversations.AsNoTracking().VisibleTo(actor.Caller, db).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (current is null)
        {
            return ConversationChangeOutcome.NotFound;
        }

        var member = await db.DepartmentMemberships.AnyAsync(m => m.StaffUserId == staffId && m.DepartmentId == current.Department, cancellationToken);
        if (!member)
        {
            return ConversationChangeOutcome.Forbidden($"Only members of the {current.Department} department, where the conversation is, take it.");
        }

        Guid? previous = null;
        var outcome = await ChangeAsync(id, actor, "it was being taken", (conversation, caller, now) =>
        {
            previous = conversation.AssigneeId;
            return conversation.Assign(staffId, caller.DisplayName, caller.DisplayName, now, $"claimed by {caller.DisplayName}")
                ? new StaffChange(AuditActions.ConversationClaimed, EngagementKinds.Assigned, $"taken by {caller.DisplayName}")
                : null;
        }, cancellationToken);
        if (outcome.Succeeded && previous is not null && previous != staffId)
        {
            await assignment.DrainAsync(current.Department, cancellationToken);
        }

        return outcome;
    }

    /// <summary>The caller, a staff member, follows the conversation: it stays visible to them wherever it is routed.</summary>
    public async Task<ConversationChangeOutcome> FollowAsync(Guid id, Actor actor, CancellationToken cancellationToken)
    {
        var staffId = StaffIdOf(actor);
        var conversation = await db.Conversations.AsNoTracking().VisibleTo(actor.Caller, db).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (conversation is null)
        {
            return ConversationChangeOutcome.NotFound;
        }

        if (!await db.ConversationParticipants.AnyAsync(p => p.ConversationId == id && p.StaffId == staffId && p.Reason == ParticipationReasons.Following, cancellationToken))
        {
            db.ConversationParticipants.Add(ConversationParticipant.Follow(id, staffId, time.GetUtcNow()));
            StaffEngagement.Record(db, actor.Caller, conversation, EngagementKinds.Followed, "followed", time.GetUtcNow());
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException exception) when (DatabaseErrors.IsUniqueViolation(exception))
            {
                // A second click a moment after the first: already following.
            }
        }

        return ConversationChangeOutcome.Done;
    }

    public Task UnfollowAsync(Guid id, Actor actor, CancellationToken cancellationToken)
    {
        var staffId = StaffIdOf(actor);
        return db.ConversationParticipants
            .Where(p => p.ConversationId == id && p.StaffId == staffId && p.Reason == ParticipationReasons.Following)
            .ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>
    /// Adds the caller's note to the conversation's internal thread and tells whom it mentions and who follows; null when
    /// the caller may not see the conversation.
    /// </summary>
    public async Task<ConversationNote?> AddNoteAsync(Guid id, string text, Actor actor, CancellationToken cancellationToken)
    {
        var caller = actor.Caller;
        var staffId = StaffIdOf(actor);
        var conversation = await db.Conversations.AsNoTracking().VisibleTo(caller, db).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (conversation is null)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var note = ConversationNote.Write(conversation, staffId, caller.DisplayName, caller.PrimaryDepartment, text, now);
        db.ConversationNotes.Add(note);
        db.AuditLog.Add(actor.Audit(now, AuditActions.NoteAdded, $"conversation/{id}", Conversation.PreviewOf(text)));
        StaffEngagement.Record(db, caller, conversation, EngagementKinds.Note, Conversation.PreviewOf(text), now);
        var mentioned = await Mentions.ResolveAsync(db, text, cancellationToken);
        await Mentions.NotifyAsync(db, id, staffId, caller.DisplayName, text, mentioned, now, cancellationToken);
        await FollowerNotifications.ForNoteAsync(db, id, staffId, caller.DisplayName, text, mentioned.Recipients, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return note;
    }

    /// <summary>
    /// Applies a staff member's change to a conversation they may see, audited and recorded for the unified front.
    /// The Workers may add a customer's message at the same moment (the version moves on): the change is then
    /// applied again to what they committed, a few times at most, before giving up with a conflict.
    /// </summary>
    private async Task<ConversationChangeOutcome> ChangeAsync(
        Guid id, Actor actor, string doing, Func<Conversation, Caller, DateTimeOffset, StaffChange?> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            var conversation = await db.Conversations.VisibleTo(actor.Caller, db).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
            if (conversation is null)
            {
                return ConversationChangeOutcome.NotFound;
            }

            var now = time.GetUtcNow();
            if (change(conversation, actor.Caller, now) is not { } made)
            {
                return ConversationChangeOutcome.Done;
            }

            db.AuditLog.Add(actor.Audit(now, made.AuditAction, $"conversation/{id}", made.Detail));
            StaffEngagement.Record(db, actor.Caller, conversation, made.EngagementKind, made.Detail, now);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return ConversationChangeOutcome.Done;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 3)
            {
            }
            catch (DbUpdateConcurrencyException)
            {
                return ConversationChangeOutcome.Conflict($"The conversation kept changing while {doing}; try again.");
            }
        }
    }

    private static Guid StaffIdOf(Actor actor) =>
        actor.Caller.StaffId ?? throw new InvalidOperationException("Only staff members change conversations this way; the endpoint checks first.");

    private sealed record StaffChange(string AuditAction, string EngagementKind, string Detail);
}
