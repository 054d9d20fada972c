using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialEnterprise.Contracts.Access;
using SocialEnterprise.Contracts.Audit;
using SocialEnterprise.Contracts.Collaboration;
using SocialEnterprise.Contracts.Conversations;
using SocialEnterprise.Domain.Collaboration;
using SocialEnterprise.Domain.Conversations;
using SocialEnterprise.Infrastructure.Audit;
using SocialEnterprise.Infrastructure.Conversations;
using SocialEnterprise.Infrastructure.Persistence;

namespace SocialEnterprise.Infrastructure.Collaboration;

public enum ConsultRefusal
{
    None,
    NotFound,
    Forbidden,
    Conflict,
}

/// <summary>How a step on a consult ended: the consult as of <see cref="At"/>, or why not.</summary>
public sealed record ConsultOutcome(ConsultRefusal Refusal, Consult? Consult = null, DateTimeOffset At = default, string? Reason = null)
{
    public static readonly ConsultOutcome NotFound = new(ConsultRefusal.NotFound);
}

/// <summary>
/// Cross-department consults: asked on a conversation by a staff member who sees it, then accepted, answered (into the
/// conversation's internal thread) or declined by a member of the target department; each step audited, recorded for
/// the unified front and told to whom it concerns. The endpoints check first that the caller is a staff member.
/// </summary>
public sealed class ConsultWorkflow(CrmDbContext db, TimeProvider time, IOptions<ConsultTargets> targets)
{
    /// <summary>Asks <paramref name="target"/> about the conversation; its members hear of it.</summary>
    public async Task<ConsultOutcome> RequestAsync(
        Guid conversationId, string target, string question, string priority, DateTimeOffset? neededBy, DateTimeOffset now, Actor actor,
        CancellationToken cancellationToken)
    {
        var caller = actor.Caller;
        var staffId = StaffIdOf(caller);
        var conversation = await db.Conversations.AsNoTracking().VisibleTo(caller, db).SingleOrDefaultAsync(c => c.Id == conversationId, cancellationToken);
        if (conversation is null)
        {
            return ConsultOutcome.NotFound;
        }

        var consult = Consult.Request(
            conversation, caller.PrimaryDepartment, target, staffId, caller.DisplayName, question, priority, neededBy, targets.Value.For(target), now);
        db.Consults.Add(consult);
        db.AuditLog.Add(actor.Audit(now, AuditActions.ConsultRequested, $"conversation/{conversationId}", $"{target}: {Conversation.PreviewOf(question)}"));
        StaffEngagement.Record(db, caller, conversation, EngagementKinds.Consult, $"asked {target}: {question}", now);
        var members = await db.DepartmentMemberships.Where(m => m.DepartmentId == target).Select(m => m.StaffUserId).ToListAsync(cancellationToken);
        StaffNotifications.Notify(
            db, members, staffId, NotificationKinds.ConsultRequested,
            $"{caller.DisplayName} asks {target}: {Conversation.PreviewOf(question)}", StaffNotifications.ConversationLink(conversationId), now);
        await db.SaveChangesAsync(cancellationToken);
        return new ConsultOutcome(ConsultRefusal.None, consult, now);
    }

    public Task<ConsultOutcome> AcceptAsync(Guid id, Actor actor, CancellationToken cancellationToken) =>
        WorkAsync(id, actor, "accepted", (consult, conversation, caller, staffId, now) =>
        {
            if (!consult.Accept(staffId, caller.DisplayName, now))
            {
                return false;
            }

            Record(consult, conversation, actor, now, AuditActions.ConsultAccepted, consult.TargetDepartment, $"took the consult from {Named(consult.RequesterDepartment)}");
            return true;
        }, cancellationToken);

    /// <summary>Answers the consult: the answer is posted into the conversation's internal thread and its asker hears of it.</summary>
    public Task<ConsultOutcome> AnswerAsync(Guid id, string answer, Actor actor, CancellationToken cancellationToken) =>
        WorkAsync(id, actor, "answered", (consult, conversation, caller, staffId, now) =>
        {
            var note = ConversationNote.Write(conversation, staffId, caller.DisplayName, consult.TargetDepartment, answer, now, consult.Id);
            if (!consult.AnswerWith(staffId, caller.DisplayName, answer, note.Id, now))
            {
                return false;
            }

            db.ConversationNotes.Add(note);
            Record(
                consult, conversation, actor, now, AuditActions.ConsultAnswered, Conversation.PreviewOf(answer), $"answered {Named(consult.RequesterDepartment)}: {answer}",
                (NotificationKinds.ConsultAnswered, $"answered your consult: {Conversation.PreviewOf(answer)}"));
            return true;
        }, cancellationToken);

    public Task<ConsultOutcome> DeclineAsync(Guid id, string reason, Actor actor, CancellationToken cancellationToken) =>
        WorkAsync(id, actor, "declined", (consult, conversation, caller, staffId, now) =>
        {
            if (!consult.Decline(caller.DisplayName, reason, now))
            {
                return false;
            }

            Record(
                consult, conversation, actor, now, AuditActions.ConsultDeclined, reason, $"declined {Named(consult.RequesterDepartment)}'s consult: {reason}",
                (NotificationKinds.ConsultDeclined, $"declined your consult: {reason}"));
            return true;
        }, cancellationToken);

    /// <summary>
    /// What a step on a consult leaves behind: its audit entry, the caller's engagement with the conversation and, when
    /// the asker should hear of it, their notification ("Lena Legal (legal) answered your consult: …").
    /// </summary>
    private void Record(
        Consult consult, Conversation conversation, Actor actor, DateTimeOffset now, string action, string? detail, string engagement,
        (string Kind, string Text)? tellAsker = null)
    {
        var caller = actor.Caller;
        db.AuditLog.Add(actor.Audit(now, action, $"consult/{consult.Id}", detail));
        StaffEngagement.Record(db, caller, conversation, EngagementKinds.Consult, engagement, now);
        if (tellAsker is var (kind, text))
        {
            StaffNotifications.Notify(
                db, [consult.RequestedById], StaffIdOf(caller), kind, $"{caller.DisplayName} ({consult.TargetDepartment}) {text}",
                StaffNotifications.ConversationLink(consult.ConversationId), now);
        }
    }

    /// <summary>
    /// A target-department member's step on a consult: not found when it does not exist, forbidden for anyone outside
    /// the target department, a conflict when the consult's state does not allow the step (or it changed under the caller).
    /// </summary>
    private async Task<ConsultOutcome> WorkAsync(
        Guid id, Actor actor, string step, Func<Consult, Conversation, Caller, Guid, DateTimeOffset, bool> work, CancellationToken cancellationToken)
    {
        var caller = actor.Caller;
        var staffId = StaffIdOf(caller);
        var consult = await db.Consults.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (consult is null)
        {
            return ConsultOutcome.NotFound;
        }

        if (!caller.Departments.Contains(consult.TargetDepartment))
        {
            return new ConsultOutcome(ConsultRefusal.Forbidden, Reason: $"Only members of {consult.TargetDepartment} work this consult.");
        }

        var conversation = await db.Conversations.AsNoTracking().SingleAsync(c => c.Id == consult.ConversationId, cancellationToken);
        var now = time.GetUtcNow();
        var state = consult.State;
        if (!work(consult, conversation, caller, staffId, now))
        {
            return new ConsultOutcome(ConsultRefusal.Conflict, Reason: $"The consult is {state}: it cannot be {step}.");
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new ConsultOutcome(ConsultRefusal.Conflict, Reason: $"Someone else worked the consult at the same moment: it was not {step}.");
        }

        return new ConsultOutcome(ConsultRefusal.None, consult, now);
    }

    private static Guid StaffIdOf(Caller caller) =>
        caller.StaffId ?? throw new InvalidOperationException("Only staff members ask for and work consults; the endpoint checks first.");

    private static string Named(string department) => department.Length == 0 ? "a colleague" : department;
}
