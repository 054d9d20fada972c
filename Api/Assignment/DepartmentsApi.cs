using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SocialEnterprise.Api.Access;
using SocialEnterprise.Contracts.Access;
using SocialEnterprise.Contracts.Assignment;
using SocialEnterprise.Contracts.Audit;
using SocialEnterprise.Contracts.Conversations;
using SocialEnterprise.Contracts.Staff;
using SocialEnterprise.Domain.Conversations;
using SocialEnterprise.Infrastructure.Assignment;

namespace SocialEnterprise.Api.Assignment;

/// <summary>Departments, how they assign new conversations, their members' load, and the queue of those waiting.</summary>
public static class DepartmentsApi
{
    public const int QueueLimit = 200;

    public static IEndpointRouteBuilder MapDepartmentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/departments").WithTags("Assignment");
        api.MapGet("/", ListAsync).RequirePermission(Permission.Read)
            .WithSummary("Departments with their assignment strategy, members (load, capacity, availability) and queue length");
        api.MapPut("/{id}", ChangeAsync).RequirePermission(Permission.Administer)
            .WithSummary("Set a department's assignment strategy: round-robin, least-load or manual");
        api.MapGet("/{id}/queue", QueueAsync).RequirePermission(Permission.Read)
            .WithSummary("The department's queued conversations, most urgent then longest waiting first (its members and admins)");
        return app;
    }

    public static async Task<Ok<List<DepartmentView>>> ListAsync([AsParameters] DepartmentServices services, CancellationToken cancellationToken)
    {
        var departments = await services.Db.Departments.AsNoTracking().OrderBy(d => d.Name).ToListAsync(cancellationToken);
        var members = await (
            from membership in services.Db.DepartmentMemberships
            join user in services.Db.Users on membership.StaffUserId equals user.Id
            select new { membership.DepartmentId, user.Id, user.DisplayName, user.Availability, user.Capacity, user.Skills })
            .AsNoTracking().ToListAsync(cancellationToken);
        var loads = await AssignmentService.OpenLoads(services.Db).ToDictionaryAsync(load => load.StaffId, load => load.Open, cancellationToken);
        var queues = await Queued(services.Db.Conversations)
            .GroupBy(c => c.Department)
            .Select(group => new { Department = group.Key, Count = group.Count() })
            .ToDictionaryAsync(queue => queue.Department, queue => queue.Count, cancellationToken);
        return TypedResults.Ok(departments.ConvertAll(department => new DepartmentView(
            department.Id, department.Name, department.AssignmentStrategy, queues.GetValueOrDefault(department.Id),
            members.Where(m => m.DepartmentId == department.Id)
                .OrderBy(m => m.DisplayName, StringComparer.Ordinal)
                .Select(m => new DepartmentMemberView(m.Id, m.DisplayName, m.Availability, loads.GetValueOrDefault(m.Id), m.Capacity, m.Skills))
                .ToList())));
    }

    public static async Task<Results<NoContent, NotFound, ValidationProblem>> ChangeAsync(
        string id, DepartmentRequest request, [AsParameters] DepartmentServices services,
        CancellationToken cancellationToken)
    {
        var department = await services.Db.Departments.SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (department is null)
        {
            return TypedResults.NotFound();
        }

        if (request.Strategy is not { } strategy || !AssignmentStrategies.All.Contains(strategy))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["strategy"] = [$"One of: {string.Join(", ", AssignmentStrategies.All)}."],
            });
        }

        var from = department.AssignmentStrategy;
        if (department.ChangeStrategy(strategy))
        {
            await services.SaveAuditedAsync(AuditActions.DepartmentChanged, $"department/{id}", $"strategy {from} -> {strategy}", cancellationToken);
            // From manual to automatic: whoever has room takes what waited.
            await services.Assignment.DrainAsync(id, cancellationToken);
        }

        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<List<QueuedConversationView>>, NotFound, ProblemHttpResult>> QueueAsync(
        string id, [AsParameters] DepartmentServices services, CancellationToken cancellationToken)
    {
        if (!await services.Db.Departments.AnyAsync(d => d.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        if (!services.Caller.SeesEverything && !services.Caller.Departments.Contains(id))
        {
            return TypedResults.Problem($"Only members of {id} and admins see its queue.", statusCode: StatusCodes.Status403Forbidden);
        }

        var queue = await (
            from c in Queued(services.Db.Conversations.AsNoTracking()).Where(c => c.Department == id)
            join customer in services.Db.Customers on c.CustomerId equals customer.Id
            orderby (c.Priority == Priorities.Urgent ? 3 : c.Priority == Priorities.High ? 2 : c.Priority == Priorities.Normal ? 1 : 0) descending,
                c.QueuedAt, c.Id
            select new QueuedConversationView(
                c.Id, customer.DisplayName, c.Channel, c.Priority, c.Topic, c.Preview, c.QueuedAt!.Value, c.LastActivityAt))
            .Take(QueueLimit)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(queue);
    }

    /// <summary>Conversations waiting for an assignee in their department's queue.</summary>
    public static IQueryable<Conversation> Queued(IQueryable<Conversation> conversations) =>
        conversations.Where(c => c.QueuedAt != null && c.AssigneeId == null && c.Status == ConversationStatuses.Open);
}
