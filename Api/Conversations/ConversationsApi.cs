using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SocialEnterprise.Api.Access;
using SocialEnterprise.Api.Audit;
using SocialEnterprise.Contracts.Access;
using SocialEnterprise.Contracts.Audit;
using SocialEnterprise.Contracts.Collaboration;
using SocialEnterprise.Contracts.Conversations;
using SocialEnterprise.Domain.Conversations;
using SocialEnterprise.Domain.Routing;
using SocialEnterprise.Infrastructure.Assignment;
using SocialEnterprise.Infrastructure.Collaboration;
using SocialEnterprise.Infrastructure.Conversations;
using SocialEnterprise.Infrastructure.Persistence;
using SocialEnterprise.Infrastructure.Replies;

namespace SocialEnterprise.Api.Conversations;

public static class ConversationsApi
{
    public const int CountCap = 1_000;

    public static IEndpointRouteBuilder MapConversationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/conversations").WithTags("Conversations");

        api.MapGet("/", ListAsync).RequirePermission(Permission.Read)
            .WithSummary("Conversations the caller may see, newest activity first; q searches every message's text");
        api.MapGet("/{id:guid}", GetAsync).RequirePermission(Permission.Read)
            .WithSummary("A conversation with its messages and their classification");
        api.MapPost("/{id:guid}/status", ChangeStatusAsync).RequirePermission(Permission.Write)
            .WithSummary("Set the status: open, pending (waiting on the customer) or resolved");
        api.MapPut("/{id:guid}/follow", FollowAsync).RequirePermission(Permission.Write)
            .WithSummary("Follow a conversation (staff): it stays visible to you wherever it is routed");
        api.MapDelete("/{id:guid}/follow", UnfollowAsync).RequirePermission(Permission.Write)
            .WithSummary("Stop following a conversation");
        api.MapPut("/{id:guid}/assignee", AssignAsync).RequirePermission(Permission.Write)
            .WithSummary("Assign the conversation to a member of its department (staffId), or to nobody (null)");
        api.MapPost("/{id:guid}/claim", ClaimAsync).RequirePermission(Permission.Write)
            .WithSummary("Take the conversation (a member of its department): it is assigned to you, whoever had it");
        api.MapPost("/{id:guid}/notes", AddNoteAsync).RequirePermission(Permission.Write)
            .WithSummary("Add a note to the conversation's internal thread (staff only; the customer never sees it)");
        return app;
    }

    public static async Task<Results<Ok<ConversationPage>, ValidationProblem>> ListAsync(
        [AsParameters] InboxQuery query, ClaimsPrincipal user, CrmDbContext db, TimeProvider time, CancellationToken cancellationToken,
        int limit = InboxQuery.DefaultLimit, int offset = 0)
    {
        var errors = query.Validate();
        if (limit is < 1 or > InboxQuery.MaxLimit)
        {
            errors["limit"] = [$"From 1 to {InboxQuery.MaxLimit}."];
        }

        if (offset < 0)
        {
            errors["offset"] = ["Must not be negative."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var now = time.GetUtcNow();
        var matching = query.Apply(db.Conversations.AsNoTracking(), Caller.From(user), db, now);
        var (total, capped) = await CountAsync(matching, cancellationToken);
        var items = await Summaries(query.Order(matching), db).Skip(offset).Take(limit).ToListAsync(cancellationToken);
        return TypedResults.Ok(new ConversationPage(items.ConvertAll(item => item.At(now)), total, capped));
    }

    /// <summary>
    /// Counts up to <see cref="CountCap"/>: past it an inbox says "1,000+" rather than scan a million rows (counting
    /// to 10,000 cost a staff member's seven view counts 350 ms on a million conversations).
    /// </summary>
    public static async Task<(int Total, bool Capped)> CountAsync(IQueryable<Conversation> matching, CancellationToken cancellationToken)
    {
        var count = await matching.Take(CountCap + 1).CountAsync(cancellationToken);
        return count > CountCap ? (CountCap, true) : (count, false);
    }

    public static async Task<Results<Ok<ConversationDetail>, NotFound>> GetAsync(
        Guid id, ClaimsPrincipal user, CrmDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var caller = Caller.From(user);
        var conversation = await db.Conversations.AsNoTracking().VisibleTo(caller, db).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (conversation is null)
        {
            return TypedResults.NotFound();
        }

        var customer = await db.Customers.Where(c => c.Id == conversation.CustomerId)
            .Select(c => new { c.DisplayName, c.Tier, c.Influence })
            .SingleAsync(cancellationToken);
        var messages = await db.Messages.AsNoTracking()
            .Where(m => m.ConversationId == id)
            .OrderBy(m => m.OccurredAt).ThenBy(m => m.ReceivedAt)
            .ToListAsync(cancellationToken);
        var notes = await db.ConversationNotes.AsNoTracking()
            .Where(n => n.ConversationId == id)
            .OrderBy(n => n.WrittenAt)
            .ToListAsync(cancellationToken);
        var following = caller.StaffId is { } staffId && await db.ConversationParticipants.AnyAsync(
            p => p.ConversationId == id && p.StaffId == staffId && p.Reason == ParticipationReasons.Following, cancellationToken);
        var assigneeName = conversation.AssigneeId is { } assigneeId
            ? await db.Users.Where(u => u.Id == assigneeId).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken)
            : null;
        var history = await ConversationHistory.ReadAsync(db, id, cancellationToken);
        var replies = await db.Replies.AsNoTracking()
            .Where(r => r.ConversationId == id)
            .OrderBy(r => r.CreatedAt)
            .ToListAsync(cancellationToken);
        var surveys = await db.CsatSurveys.AsNoTracking()
            .Where(s => s.ConversationId == id)
            .OrderBy(s => s.SentAt)
            .ToListAsync(cancellationToken);
        var c = conversation;
        var now = time.GetUtcNow();
        var score = PriorityScore.Of(customer.Tier, customer.Influence, c.Sentiment, c.SentimentScore, c.Urgency, c.ResponseClockStartedAt, now);
        return TypedResults.Ok(new ConversationDetail(
            c.Id, c.CustomerId, customer.DisplayName, c.Channel, c.Status, c.Type, c.Sentiment, c.SentimentScore, c.Topic, c.Language, c.Urgency,
            c.Priority, c.Department, c.RoutingReason, c.Preview, c.OpenedAt, c.LastActivityAt, c.ResolvedAt, c.PreviousConversationId,
            c.Version, following, messages.ConvertAll(ConversationViews.MessageView), c.AssigneeId, assigneeName, c.ResponseDueAt,
            c.ServiceLevelAt(now), notes.ConvertAll(ConversationViews.NoteView), history, score.Score, score.Explanation,
            replies.ConvertAll(ReplyViews.ThreadReplyView), surveys.ConvertAll(ReplyViews.CsatView)));
    }

    public static async Task<Results<NoContent, NotFound, ValidationProblem, ProblemHttpResult>> ChangeStatusAsync(
        Guid id, ConversationStatusRequest request, ClaimsPrincipal user, HttpContext http, CrmDbContext db, TimeProvider time,
        AssignmentService assignment, SatisfactionSurveys surveys, CancellationToken cancellationToken)
    {
        if (request.Status is null || !ConversationStatuses.All.Contains(request.Status))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["status"] = [$"One of: {string.Join(", ", ConversationStatuses.All)}."] });
        }

        var status = request.Status;
        var survey = status == ConversationStatuses.Resolved ? await surveys.PlanAsync(db, id, time.GetUtcNow(), cancellationToken) : null;
        string? freedIn = null;
        var result = await ChangeAsync(id, Caller.From(user), http, db, time, "the status was being set", (conversation, caller, now) =>
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
        if (result.Result is NoContent && freedIn is not null && status != ConversationStatuses.Open)
        {
            await assignment.DrainAsync(freedIn, cancellationToken);
        }

        return result;
    }

    public static async Task<Results<NoContent, NotFound, ProblemHttpResult>> FollowAsync(
        Guid id, ClaimsPrincipal user, CrmDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var caller = Caller.From(user);
        if (caller.StaffId is not { } staffId)
        {
            return TypedResults.Problem("Only staff members follow conversations.", statusCode: StatusCodes.Status400BadRequest);
        }

        var conversation = await db.Conversations.AsNoTracking().VisibleTo(caller, db).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (conversation is null)
        {
            return TypedResults.NotFound();
        }

        if (!await db.ConversationParticipants.AnyAsync(p => p.ConversationId == id && p.StaffId == staffId && p.Reason == ParticipationReasons.Following, cancellationToken))
        {
            db.ConversationParticipants.Add(ConversationParticipant.Follow(id, staffId, time.GetUtcNow()));
            Engage(db, caller, conversation, EngagementKinds.Followed, "followed", time.GetUtcNow());
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException exception) when (DatabaseErrors.IsUniqueViolation(exception))
            {
                // A second click a moment after the first: already following.
            }
        }

        return TypedResults.NoContent();
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> UnfollowAsync(Guid id, ClaimsPrincipal user, CrmDbContext db, CancellationToken cancellationToken)
    {
        if (Caller.From(user).StaffId is not { } staffId)
        {
            return TypedResults.Problem("Only staff members follow conversations.", statusCode: StatusCodes.Status400BadRequest);
        }

        await db.ConversationParticipants
            .Where(p => p.ConversationId == id && p.StaffId == staffId && p.Reason == ParticipationReasons.Following)
            .ExecuteDeleteAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Results<NoContent, NotFound, ValidationProblem, ProblemHttpResult>> AssignAsync(
        Guid id, AssignRequest request, ClaimsPrincipal user, HttpContext http, CrmDbContext db, TimeProvider time,
        AssignmentService assignment, CancellationToken cancellationToken)
    {
        var caller = Caller.From(user);
        var current = await db.Conversations.AsNoTracking().VisibleTo(caller, db).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (current is null)
        {
            return TypedResults.NotFound();
        }

        string? assigneeName = null;
        if (request.StaffId is { } staffId)
        {
            var assignee = await db.Users.AsNoTracking()
                .Where(u => u.Id == staffId)
                .Select(u => new { u.DisplayName, Departments = u.Departments.Select(d => d.DepartmentId).ToList() })
                .SingleOrDefaultAsync(cancellationToken);
            if (assignee is null || !assignee.Departments.Contains(current.Department))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["staffId"] = [$"A member of the {current.Department} department, where the conversation is."],
                });
            }

            assigneeName = assignee.DisplayName;
        }

        Guid? previous = null;
        var result = await ChangeAsync(id, caller, http, db, time, "it was being assigned", (conversation, caller, now) =>
        {
            previous = conversation.AssigneeId;
            if (!conversation.Assign(request.StaffId, assigneeName, caller.DisplayName, now))
            {
                return null;
            }

            if (request.StaffId is { } assigneeId)
            {
                StaffNotifications.Notify(
                    db, [assigneeId], caller.StaffId, NotificationKinds.Assignment,
                    $"{caller.DisplayName} assigned you a conversation: {conversation.Preview}", StaffNotifications.ConversationLink(id), now);
            }

            return new StaffChange(AuditActions.ConversationAssigned, EngagementKinds.Assigned, assigneeName is null ? "unassigned" : $"to {assigneeName}");
        }, cancellationToken);
        if (result.Result is NoContent && previous is not null)
        {
            // The previous assignee has room again.
            await assignment.DrainAsync(current.Department, cancellationToken);
        }

        return result;
    }

    public static async Task<Results<NoContent, NotFound, ValidationProblem, ProblemHttpResult>> ClaimAsync(
        Guid id, ClaimsPrincipal user, HttpContext http, CrmDbContext db, TimeProvider time, AssignmentService assignment,
        CancellationToken cancellationToken)
    {
        var caller = Caller.From(user);
        if (caller.StaffId is not { } staffId)
        {
            return TypedResults.Problem("Only staff members take conversations.", statusCode: StatusCodes.Status400BadRequest);
        }

        var current = await db.Conversations.AsNoTracking().VisibleTo(caller, db).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (current is null)
        {
            return TypedResults.NotFound();
        }

        var member = await db.DepartmentMemberships.AnyAsync(m => m.StaffUserId == staffId && m.DepartmentId == current.Department, cancellationToken);
        if (!member)
        {
            return TypedResults.Problem(
                $"Only members of the {current.Department} department, where the conversation is, take it.", statusCode: StatusCodes.Status403Forbidden);
        }

        Guid? previous = null;
        var result = await ChangeAsync(id, caller, http, db, time, "it was being taken", (conversation, caller, now) =>
        {
            previous = conversation.AssigneeId;
            return conversation.Assign(staffId, caller.DisplayName, caller.DisplayName, now, $"claimed by {caller.DisplayName}")
                ? new StaffChange(AuditActions.ConversationClaimed, EngagementKinds.Assigned, $"taken by {caller.DisplayName}")
                : null;
        }, cancellationToken);
        if (result.Result is NoContent && previous is not null && previous != staffId)
        {
            await assignment.DrainAsync(current.Department, cancellationToken);
        }

        return result;
    }

    /// <summary>
    /// Applies a staff member's change to a conversation they may see, audited and recorded for the unified front.
    /// The Workers may add a customer's message at the same moment (the version moves on): the change is then
    /// applied again to what they committed, a few times at most, before giving up with 409.
    /// </summary>
    private static async Task<Results<NoContent, NotFound, ValidationProblem, ProblemHttpResult>> ChangeAsync(
        Guid id, Caller caller, HttpContext http, CrmDbContext db, TimeProvider time, string doing,
        Func<Conversation, Caller, DateTimeOffset, StaffChange?> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            var conversation = await db.Conversations.VisibleTo(caller, db).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
            if (conversation is null)
            {
                return TypedResults.NotFound();
            }

            var now = time.GetUtcNow();
            if (change(conversation, caller, now) is not { } made)
            {
                return TypedResults.NoContent();
            }

            db.AuditLog.Add(AuditRecords.By(caller, http, now, made.AuditAction, $"conversation/{id}", made.Detail));
            Engage(db, caller, conversation, made.EngagementKind, made.Detail, now);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return TypedResults.NoContent();
            }
            catch (DbUpdateConcurrencyException) when (attempt < 3)
            {
            }
            catch (DbUpdateConcurrencyException)
            {
                return TypedResults.Problem(
                    $"The conversation kept changing while {doing}; try again.", statusCode: StatusCodes.Status409Conflict, title: "Conflict");
            }
        }
    }

    private sealed record StaffChange(string AuditAction, string EngagementKind, string Detail);

    public static async Task<Results<Created<NoteView>, NotFound, ValidationProblem, ProblemHttpResult>> AddNoteAsync(
        Guid id, NoteRequest request, ClaimsPrincipal user, HttpContext http, CrmDbContext db, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var caller = Caller.From(user);
        if (caller.StaffId is not { } staffId)
        {
            return TypedResults.Problem("Only staff members write notes.", statusCode: StatusCodes.Status400BadRequest);
        }

        var text = request.Text?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > ConversationNote.MaxTextLength)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["text"] = [$"The note, 1 to {ConversationNote.MaxTextLength} characters."],
            });
        }

        var conversation = await db.Conversations.AsNoTracking().VisibleTo(caller, db).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (conversation is null)
        {
            return TypedResults.NotFound();
        }

        var now = time.GetUtcNow();
        var note = ConversationNote.Write(conversation, staffId, caller.DisplayName, caller.PrimaryDepartment, text, now);
        db.ConversationNotes.Add(note);
        db.AuditLog.Add(AuditRecords.By(caller, http, now, AuditActions.NoteAdded, $"conversation/{id}", Conversation.PreviewOf(text)));
        Engage(db, caller, conversation, EngagementKinds.Note, Conversation.PreviewOf(text), now);
        var mentioned = await Mentions.ResolveAsync(db, text, cancellationToken);
        await MentionAsync(db, id, staffId, caller.DisplayName, text, mentioned, now, cancellationToken);
        await FollowerNotifications.ForNoteAsync(db, id, staffId, caller.DisplayName, text, mentioned.Recipients, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/conversations/{id}", ConversationViews.NoteView(note));
    }

    /// <summary>
    /// Makes everyone a note mentions a participant of the conversation (so they see it wherever it is routed) and
    /// tells them; the author is neither.
    /// </summary>
    private static async Task MentionAsync(
        CrmDbContext db, Guid conversationId, Guid authorId, string authorName, string text, MentionedStaff mentioned, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var recipients = mentioned.Recipients.Where(recipient => recipient != authorId).ToList();
        if (recipients.Count == 0)
        {
            return;
        }

        var already = await db.ConversationParticipants
            .Where(p => p.ConversationId == conversationId && p.Reason == ParticipationReasons.Mentioned && recipients.Contains(p.StaffId))
            .Select(p => p.StaffId)
            .ToListAsync(cancellationToken);
        db.ConversationParticipants.AddRange(recipients.Except(already).Select(recipient => ConversationParticipant.Mention(conversationId, recipient, now)));
        var preview = Conversation.PreviewOf(text);
        StaffNotifications.Notify(
            db, recipients.Where(mentioned.People.Contains), authorId, NotificationKinds.Mention,
            $"{authorName} mentioned you: {preview}", StaffNotifications.ConversationLink(conversationId), now);
        // Someone mentioned by name and through a department, or through two, hears of it once.
        var told = new HashSet<Guid>(mentioned.People);
        foreach (var department in mentioned.Departments)
        {
            var members = await db.DepartmentMemberships
                .Where(m => m.DepartmentId == department)
                .Select(m => m.StaffUserId)
                .ToListAsync(cancellationToken);
            StaffNotifications.Notify(
                db, members.Where(told.Add).ToList(), authorId, NotificationKinds.Mention,
                $"{authorName} mentioned {department}: {preview}", StaffNotifications.ConversationLink(conversationId), now);
        }
    }

    /// <summary>The list shape of conversations, with the customer's and assignee's names, in the given order, in one query.</summary>
    public static IQueryable<ConversationSummary> Summaries(IQueryable<Conversation> conversations, CrmDbContext db) =>
        from c in conversations
        join customer in db.Customers on c.CustomerId equals customer.Id
        from assignee in db.Users.Where(u => u.Id == c.AssigneeId).DefaultIfEmpty()
        select new ConversationSummary(
            c.Id, c.CustomerId, customer.DisplayName, c.Channel, c.Status, c.Type, c.Sentiment, c.Topic, c.Priority, c.Department,
            c.Preview, c.LastActivityAt, c.MessageCount, c.AssigneeId, assignee == null ? null : assignee.DisplayName,
            c.ResponseWarnAt, c.ResponseDueAt, ServiceLevelStates.None);

    /// <summary>Records a staff member's hand in the conversation for the customer's unified front.</summary>
    public static void Engage(CrmDbContext db, Caller caller, Conversation conversation, string kind, string detail, DateTimeOffset now)
    {
        if (caller.StaffId is { } staffId)
        {
            db.ConversationEngagements.Add(ConversationEngagement.Record(
                conversation, staffId, caller.DisplayName, caller.PrimaryDepartment, kind, detail, now));
        }
    }
}
