using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SocialEnterprise.Api.Access;
using SocialEnterprise.Contracts.Access;
using SocialEnterprise.Contracts.Audit;
using SocialEnterprise.Contracts.Collaboration;
using SocialEnterprise.Contracts.Conversations;
using SocialEnterprise.Domain.Collaboration;
using SocialEnterprise.Domain.Conversations;
using SocialEnterprise.Domain.Staff;
using SocialEnterprise.Infrastructure.Collaboration;
using SocialEnterprise.Infrastructure.Conversations;
using SocialEnterprise.Infrastructure.Persistence;

namespace SocialEnterprise.Api.Collaboration;

/// <summary>Cross-department consults: asked on a conversation, worked by the target department against its own clock.</summary>
public static class ConsultsApi
{
    public const int MaxListed = 200;

    public static IEndpointRouteBuilder MapConsultsApi(this IEndpointRouteBuilder app)
    {
        var conversations = app.MapGroup("api/conversations").WithTags("Consults");
        conversations.MapPost("/{id:guid}/consults", RequestAsync).RequirePermission(Permission.Write)
            .WithSummary("Ask another department a question about the conversation (staff who see it)");
        conversations.MapGet("/{id:guid}/consults", ListForConversationAsync).RequirePermission(Permission.Read)
            .WithSummary("The conversation's consults, oldest first, each with its clock");
        conversations.MapGet("/{id:guid}/experts", ExpertsAsync).RequirePermission(Permission.Read)
            .WithSummary("Colleagues worth consulting on the conversation, optionally of one department, and why");

        var consults = app.MapGroup("api/consults").WithTags("Consults");
        consults.MapGet("/", WaitingAsync).RequirePermission(Permission.Read)
            .WithSummary("Consults asked of the caller's departments (or one of them), open and accepted by default, due soonest first");
        consults.MapPost("/{id:guid}/accept", AcceptAsync).RequirePermission(Permission.Write)
            .WithSummary("Take an open consult (members of the target department)");
        consults.MapPost("/{id:guid}/answer", AnswerAsync).RequirePermission(Permission.Write)
            .WithSummary("Answer an open or accepted consult; the answer is posted into the conversation's internal thread");
        consults.MapPost("/{id:guid}/decline", DeclineAsync).RequirePermission(Permission.Write)
            .WithSummary("Decline an open or accepted consult, with a reason");
        return app;
    }

    public static async Task<Results<Created<ConsultView>, NotFound, ValidationProblem, ProblemHttpResult>> RequestAsync(
        Guid id, ConsultRequest request, [AsParameters] ConsultServices services,
        CancellationToken cancellationToken)
    {
        var caller = services.Context.Caller;
        if (caller.StaffId is not { } staffId)
        {
            return TypedResults.Problem("Only staff members ask for consults.", statusCode: StatusCodes.Status400BadRequest);
        }

        var now = services.Time.GetUtcNow();
        var errors = new Dictionary<string, string[]>();
        var target = request.TargetDepartment?.Trim();
        if (target is null || !Department.Standard.Any(d => d.Id == target))
        {
            errors["targetDepartment"] = [$"One of: {string.Join(", ", Department.Standard.Select(d => d.Id))}."];
        }

        var question = request.Question?.Trim();
        if (string.IsNullOrEmpty(question) || question.Length > Consult.MaxQuestionLength)
        {
            errors["question"] = [$"The question, 1 to {Consult.MaxQuestionLength} characters."];
        }

        var priority = request.Priority ?? Priorities.Normal;
        if (!Priorities.All.Contains(priority))
        {
            errors["priority"] = [$"One of: {string.Join(", ", Priorities.All)}."];
        }

        if (request.NeededBy is { } neededBy && neededBy <= now)
        {
            errors["neededBy"] = ["A moment in the future."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var conversation = await services.Db.Conversations.AsNoTracking().VisibleTo(caller, services.Db).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (conversation is null)
        {
            return TypedResults.NotFound();
        }

        var consult = Consult.Request(
            conversation, caller.PrimaryDepartment, target!, staffId, caller.DisplayName, question!, priority, request.NeededBy,
            services.Targets.Value.For(target!), now);
        services.Db.Consults.Add(consult);
        services.Db.AuditLog.Add(services.Context.Audit(now, AuditActions.ConsultRequested, $"conversation/{id}", $"{target}: {Conversation.PreviewOf(question!)}"));
        StaffEngagement.Record(services.Db, caller, conversation, EngagementKinds.Consult, $"asked {target}: {question}", now);
        var members = await MembersOfAsync(services.Db, target!, cancellationToken);
        StaffNotifications.Notify(
            services.Db, members, staffId, NotificationKinds.ConsultRequested,
            $"{caller.DisplayName} asks {target}: {Conversation.PreviewOf(question!)}", StaffNotifications.ConversationLink(id), now);
        await services.Db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/conversations/{id}/consults", CollaborationViews.ConsultView(consult, now));
    }

    public static async Task<Results<Ok<List<ConsultView>>, NotFound>> ListForConversationAsync(
        Guid id, [AsParameters] ConsultServices services, CancellationToken cancellationToken)
    {
        if (!await services.Db.Conversations.VisibleTo(services.Context.Caller, services.Db).AnyAsync(c => c.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        var now = services.Time.GetUtcNow();
        var consults = await services.Db.Consults.AsNoTracking().Where(c => c.ConversationId == id).OrderBy(c => c.RequestedAt).ToListAsync(cancellationToken);
        return TypedResults.Ok(consults.ConvertAll(c => CollaborationViews.ConsultView(c, now)));
    }

    public static async Task<Results<Ok<IReadOnlyList<ExpertSuggestion>>, NotFound, ValidationProblem>> ExpertsAsync(
        Guid id, [AsParameters] ConsultServices services, CancellationToken cancellationToken, string? department = null)
    {
        if (department is not null && !Department.Standard.Any(d => d.Id == department))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["department"] = [$"One of: {string.Join(", ", Department.Standard.Select(d => d.Id))}."],
            });
        }

        var caller = services.Context.Caller;
        var conversation = await services.Db.Conversations.AsNoTracking().VisibleTo(caller, services.Db).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (conversation is null)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(await ExpertFinder.SuggestAsync(services.Db, conversation, department, caller.StaffId, cancellationToken));
    }

    public static async Task<Results<Ok<List<ConsultView>>, ValidationProblem>> WaitingAsync(
        [AsParameters] ConsultServices services, CancellationToken cancellationToken, string? department = null, string? state = null)
    {
        var caller = services.Context.Caller;
        var errors = new Dictionary<string, string[]>();
        if (department is not null && !(caller.SeesEverything ? Department.Standard.Any(d => d.Id == department) : caller.Departments.Contains(department)))
        {
            errors["department"] = [caller.SeesEverything
                ? $"One of: {string.Join(", ", Department.Standard.Select(d => d.Id))}."
                : $"One of your departments: {string.Join(", ", caller.Departments.Order(StringComparer.Ordinal))}."];
        }

        if (state is not null && !ConsultStates.All.Contains(state))
        {
            errors["state"] = [$"One of: {string.Join(", ", ConsultStates.All)}."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var departments = department is not null ? new List<string> { department }
            : caller.SeesEverything ? Department.Standard.Select(d => d.Id).ToList()
            : caller.Departments.ToList();
        var states = state is null ? ConsultStates.Waiting.ToList() : new List<string> { state };
        var now = services.Time.GetUtcNow();
        var rows = await (
                from consult in services.Db.Consults.AsNoTracking()
                where departments.Contains(consult.TargetDepartment) && states.Contains(consult.State)
                join conversation in services.Db.Conversations on consult.ConversationId equals conversation.Id
                join customer in services.Db.Customers on conversation.CustomerId equals customer.Id
                orderby consult.DueAt, consult.Id
                select new { consult, customer.DisplayName })
            .Take(MaxListed)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.ConvertAll(row => CollaborationViews.ConsultView(row.consult, now, row.DisplayName)));
    }

    public static Task<Results<Ok<ConsultView>, NotFound, ValidationProblem, ProblemHttpResult>> AcceptAsync(
        Guid id, [AsParameters] ConsultServices services, CancellationToken cancellationToken) =>
        WorkAsync(id, services.Context.Caller, services.Db, services.Time, "accepted", null, (consult, conversation, caller, staffId, now) =>
        {
            if (!consult.Accept(staffId, caller.DisplayName, now))
            {
                return false;
            }

            services.Db.AuditLog.Add(services.Context.Audit(now, AuditActions.ConsultAccepted, $"consult/{consult.Id}", consult.TargetDepartment));
            StaffEngagement.Record(services.Db, caller, conversation, EngagementKinds.Consult, $"took the consult from {Named(consult.RequesterDepartment)}", now);
            return true;
        }, cancellationToken);

    public static Task<Results<Ok<ConsultView>, NotFound, ValidationProblem, ProblemHttpResult>> AnswerAsync(
        Guid id, ConsultAnswerRequest request, [AsParameters] ConsultServices services,
        CancellationToken cancellationToken)
    {
        var answer = request.Answer?.Trim();
        var invalid = string.IsNullOrEmpty(answer) || answer.Length > Consult.MaxAnswerLength
            ? new Dictionary<string, string[]> { ["answer"] = [$"The answer, 1 to {Consult.MaxAnswerLength} characters."] }
            : null;
        return WorkAsync(id, services.Context.Caller, services.Db, services.Time, "answered", invalid, (consult, conversation, caller, staffId, now) =>
        {
            var note = ConversationNote.Write(conversation, staffId, caller.DisplayName, consult.TargetDepartment, answer!, now, consult.Id);
            if (!consult.AnswerWith(staffId, caller.DisplayName, answer!, note.Id, now))
            {
                return false;
            }

            services.Db.ConversationNotes.Add(note);
            services.Db.AuditLog.Add(services.Context.Audit(now, AuditActions.ConsultAnswered, $"consult/{consult.Id}", Conversation.PreviewOf(answer!)));
            StaffEngagement.Record(services.Db, caller, conversation, EngagementKinds.Consult, $"answered {Named(consult.RequesterDepartment)}: {answer}", now);
            StaffNotifications.Notify(
                services.Db, [consult.RequestedById], staffId, NotificationKinds.ConsultAnswered,
                $"{caller.DisplayName} ({consult.TargetDepartment}) answered your consult: {Conversation.PreviewOf(answer!)}",
                StaffNotifications.ConversationLink(consult.ConversationId), now);
            return true;
        }, cancellationToken);
    }

    public static Task<Results<Ok<ConsultView>, NotFound, ValidationProblem, ProblemHttpResult>> DeclineAsync(
        Guid id, ConsultDeclineRequest request, [AsParameters] ConsultServices services,
        CancellationToken cancellationToken)
    {
        var reason = request.Reason?.Trim();
        var invalid = string.IsNullOrEmpty(reason) || reason.Length > Consult.MaxReasonLength
            ? new Dictionary<string, string[]> { ["reason"] = [$"Why it is declined, 1 to {Consult.MaxReasonLength} characters."] }
            : null;
        return WorkAsync(id, services.Context.Caller, services.Db, services.Time, "declined", invalid, (consult, conversation, caller, staffId, now) =>
        {
            if (!consult.Decline(caller.DisplayName, reason!, now))
            {
                return false;
            }

            services.Db.AuditLog.Add(services.Context.Audit(now, AuditActions.ConsultDeclined, $"consult/{consult.Id}", reason));
            StaffEngagement.Record(services.Db, caller, conversation, EngagementKinds.Consult, $"declined {Named(consult.RequesterDepartment)}'s consult: {reason}", now);
            StaffNotifications.Notify(
                services.Db, [consult.RequestedById], staffId, NotificationKinds.ConsultDeclined,
                $"{caller.DisplayName} ({consult.TargetDepartment}) declined your consult: {reason}",
                StaffNotifications.ConversationLink(consult.ConversationId), now);
            return true;
        }, cancellationToken);
    }

    /// <summary>
    /// A target-department member's step on a consult: 404 when it does not exist, 403 for anyone outside the target
    /// department, 409 when the consult's state does not allow the step (or it changed under the caller).
    /// </summary>
    private static async Task<Results<Ok<ConsultView>, NotFound, ValidationProblem, ProblemHttpResult>> WorkAsync(
        Guid id, Caller caller, CrmDbContext db, TimeProvider time, string step, Dictionary<string, string[]>? invalid,
        Func<Consult, Conversation, Caller, Guid, DateTimeOffset, bool> work, CancellationToken cancellationToken)
    {
        if (caller.StaffId is not { } staffId)
        {
            return TypedResults.Problem("Only staff members work consults.", statusCode: StatusCodes.Status400BadRequest);
        }

        if (invalid is not null)
        {
            return TypedResults.ValidationProblem(invalid);
        }

        var consult = await db.Consults.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (consult is null)
        {
            return TypedResults.NotFound();
        }

        if (!caller.Departments.Contains(consult.TargetDepartment))
        {
            return TypedResults.Problem(
                $"Only members of {consult.TargetDepartment} work this consult.", statusCode: StatusCodes.Status403Forbidden, title: "Forbidden");
        }

        var conversation = await db.Conversations.AsNoTracking().SingleAsync(c => c.Id == consult.ConversationId, cancellationToken);
        var now = time.GetUtcNow();
        var state = consult.State;
        if (!work(consult, conversation, caller, staffId, now))
        {
            return TypedResults.Problem(
                $"The consult is {state}: it cannot be {step}.", statusCode: StatusCodes.Status409Conflict, title: "Conflict");
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return TypedResults.Problem(
                $"Someone else worked the consult at the same moment: it was not {step}.", statusCode: StatusCodes.Status409Conflict, title: "Conflict");
        }

        return TypedResults.Ok(CollaborationViews.ConsultView(consult, now));
    }

    private static Task<List<Guid>> MembersOfAsync(CrmDbContext db, string department, CancellationToken cancellationToken) =>
        db.DepartmentMemberships.Where(m => m.DepartmentId == department).Select(m => m.StaffUserId).ToListAsync(cancellationToken);

    private static string Named(string department) => department.Length == 0 ? "a colleague" : department;
}
