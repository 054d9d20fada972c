using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SocialEnterprise.Api.Access;
using SocialEnterprise.Contracts.Access;
using SocialEnterprise.Contracts.Collaboration;
using SocialEnterprise.Contracts.Conversations;
using SocialEnterprise.Domain.Collaboration;
using SocialEnterprise.Domain.Staff;
using SocialEnterprise.Infrastructure.Collaboration;
using SocialEnterprise.Infrastructure.Conversations;

namespace SocialEnterprise.Api.Collaboration;

/// <summary>Cross-department consults: asked on a conversation, worked by the target department against its own clock.</summary>
public static class ConsultsApi
{
    public const int MaxListed = 200;

    public static IEndpointRouteBuilder MapConsultsApi(this IEndpointRouteBuilder app)
    {
        var conversations = app.MapGroup("api/conversations").WithTags("Consults");
        conversations.MapPost("/{id:guid}/consults", RequestAsync).RequirePermission(Permission.Write).RequireStaff("ask for consults")
            .WithSummary("Ask another department a question about the conversation (staff who see it)");
        conversations.MapGet("/{id:guid}/consults", ListForConversationAsync).RequirePermission(Permission.Read)
            .WithSummary("The conversation's consults, oldest first, each with its clock");
        conversations.MapGet("/{id:guid}/experts", ExpertsAsync).RequirePermission(Permission.Read)
            .WithSummary("Colleagues worth consulting on the conversation, optionally of one department, and why");

        var consults = app.MapGroup("api/consults").WithTags("Consults");
        consults.MapGet("/", WaitingAsync).RequirePermission(Permission.Read)
            .WithSummary("Consults asked of the caller's departments (or one of them), open and accepted by default, due soonest first");
        consults.MapPost("/{id:guid}/accept", AcceptAsync).RequirePermission(Permission.Write).RequireStaff("work consults")
            .WithSummary("Take an open consult (members of the target department)");
        consults.MapPost("/{id:guid}/answer", AnswerAsync).RequirePermission(Permission.Write).RequireStaff("work consults")
            .WithSummary("Answer an open or accepted consult; the answer is posted into the conversation's internal thread");
        consults.MapPost("/{id:guid}/decline", DeclineAsync).RequirePermission(Permission.Write).RequireStaff("work consults")
            .WithSummary("Decline an open or accepted consult, with a reason");
        return app;
    }

    public static async Task<Results<Created<ConsultView>, NotFound, ValidationProblem, ProblemHttpResult>> RequestAsync(
        Guid id, ConsultRequest request, [AsParameters] ConsultServices services,
        CancellationToken cancellationToken)
    {

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

        if (request.NeededBy is { } neededBy && neededBy <= services.Now)
        {
            errors["neededBy"] = ["A moment in the future."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var outcome = await services.Workflow.RequestAsync(id, target!, question!, priority, request.NeededBy, services.Now, services.Context.Actor, cancellationToken);
        return outcome.Consult is { } consult
            ? TypedResults.Created($"/api/conversations/{id}/consults", CollaborationViews.ConsultView(consult, outcome.At))
            : TypedResults.NotFound();
    }

    public static async Task<Results<Ok<List<ConsultView>>, NotFound>> ListForConversationAsync(
        Guid id, [AsParameters] ConsultServices services, CancellationToken cancellationToken)
    {
        if (!await services.Db.Conversations.VisibleTo(services.Caller, services.Db).AnyAsync(c => c.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        var consults = await services.Db.Consults.AsNoTracking().Where(c => c.ConversationId == id).OrderBy(c => c.RequestedAt).ToListAsync(cancellationToken);
        return TypedResults.Ok(consults.ConvertAll(c => CollaborationViews.ConsultView(c, services.Now)));
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

        var conversation = await services.Db.Conversations.AsNoTracking().VisibleTo(services.Caller, services.Db).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (conversation is null)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(await ExpertFinder.SuggestAsync(services.Db, conversation, department, services.Caller.StaffId, cancellationToken));
    }

    public static async Task<Results<Ok<List<ConsultView>>, ValidationProblem>> WaitingAsync(
        [AsParameters] ConsultServices services, CancellationToken cancellationToken, string? department = null, string? state = null)
    {
        var errors = new Dictionary<string, string[]>();
        if (department is not null && !(services.Caller.SeesEverything ? Department.Standard.Any(d => d.Id == department) : services.Caller.Departments.Contains(department)))
        {
            errors["department"] = [services.Caller.SeesEverything
                ? $"One of: {string.Join(", ", Department.Standard.Select(d => d.Id))}."
                : $"One of your departments: {string.Join(", ", services.Caller.Departments.Order(StringComparer.Ordinal))}."];
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
            : services.Caller.SeesEverything ? Department.Standard.Select(d => d.Id).ToList()
            : services.Caller.Departments.ToList();
        var states = state is null ? ConsultStates.Waiting.ToList() : new List<string> { state };
        var rows = await (
                from consult in services.Db.Consults.AsNoTracking()
                where departments.Contains(consult.TargetDepartment) && states.Contains(consult.State)
                join conversation in services.Db.Conversations on consult.ConversationId equals conversation.Id
                join customer in services.Db.Customers on conversation.CustomerId equals customer.Id
                orderby consult.DueAt, consult.Id
                select new { consult, customer.DisplayName })
            .Take(MaxListed)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.ConvertAll(row => CollaborationViews.ConsultView(row.consult, services.Now, row.DisplayName)));
    }

    public static async Task<Results<Ok<ConsultView>, NotFound, ValidationProblem, ProblemHttpResult>> AcceptAsync(
        Guid id, [AsParameters] ConsultServices services, CancellationToken cancellationToken)
    {

        return Worked(await services.Workflow.AcceptAsync(id, services.Context.Actor, cancellationToken));
    }

    public static async Task<Results<Ok<ConsultView>, NotFound, ValidationProblem, ProblemHttpResult>> AnswerAsync(
        Guid id, ConsultAnswerRequest request, [AsParameters] ConsultServices services, CancellationToken cancellationToken)
    {

        var answer = request.Answer?.Trim();
        if (string.IsNullOrEmpty(answer) || answer.Length > Consult.MaxAnswerLength)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["answer"] = [$"The answer, 1 to {Consult.MaxAnswerLength} characters."] });
        }

        return Worked(await services.Workflow.AnswerAsync(id, answer, services.Context.Actor, cancellationToken));
    }

    public static async Task<Results<Ok<ConsultView>, NotFound, ValidationProblem, ProblemHttpResult>> DeclineAsync(
        Guid id, ConsultDeclineRequest request, [AsParameters] ConsultServices services, CancellationToken cancellationToken)
    {

        var reason = request.Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > Consult.MaxReasonLength)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = [$"Why it is declined, 1 to {Consult.MaxReasonLength} characters."] });
        }

        return Worked(await services.Workflow.DeclineAsync(id, reason, services.Context.Actor, cancellationToken));
    }

    /// <summary>
    /// A target-department member's step on a consult: 404 when it does not exist, 403 for anyone outside the target
    /// department, 409 when the consult's state does not allow the step (or it changed under the caller).
    /// </summary>
    private static Results<Ok<ConsultView>, NotFound, ValidationProblem, ProblemHttpResult> Worked(ConsultOutcome outcome) =>
        outcome.Refusal switch
        {
            ConsultRefusal.None => TypedResults.Ok(CollaborationViews.ConsultView(outcome.Consult!, outcome.At)),
            ConsultRefusal.NotFound => TypedResults.NotFound(),
            ConsultRefusal.Forbidden => TypedResults.Problem(outcome.Reason, statusCode: StatusCodes.Status403Forbidden, title: "Forbidden"),
            _ => TypedResults.Problem(outcome.Reason, statusCode: StatusCodes.Status409Conflict, title: "Conflict"),
        };
}
