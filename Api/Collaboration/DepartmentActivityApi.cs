using Microsoft.AspNetCore.Http.HttpResults;
using SocialEnterprise.Api.Access;
using SocialEnterprise.Contracts.Access;
using SocialEnterprise.Contracts.Collaboration;
using SocialEnterprise.Domain.Staff;
using SocialEnterprise.Infrastructure.Collaboration;

namespace SocialEnterprise.Api.Collaboration;

/// <summary>A department's activity stream, for its members.</summary>
public static class DepartmentActivityApi
{
    public static IEndpointRouteBuilder MapDepartmentActivityApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("api/departments").WithTags("Departments")
            .MapGet("/{department}/activity", ListAsync).RequirePermission(Permission.Read)
            .WithSummary("What happened in the department, newest first (its members); before pages back by sequence");
        return app;
    }

    public static async Task<Results<Ok<IReadOnlyList<DepartmentActivityEntry>>, NotFound, ProblemHttpResult>> ListAsync(
        string department, [AsParameters] ApiServices services, CancellationToken cancellationToken, long? before = null)
    {
        if (!Department.Standard.Any(d => d.Id == department))
        {
            return TypedResults.NotFound();
        }

        if (!services.Caller.SeesEverything && !services.Caller.Departments.Contains(department))
        {
            return TypedResults.Problem(
                $"Only members of {department} see its activity.", statusCode: StatusCodes.Status403Forbidden, title: "Forbidden");
        }

        return TypedResults.Ok(await DepartmentActivity.ReadAsync(services.Db, department, before, cancellationToken));
    }
}
