using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SocialEnterprise.Api.Access;
using SocialEnterprise.Domain.Access;
using SocialEnterprise.Domain.Persistence;
using SocialEnterprise.Domain.Staff;

namespace SocialEnterprise.Api.Staff;

/// <summary>The company's staff directory: who can be assigned, mentioned or consulted.</summary>
public static class StaffApi
{
    public static IEndpointRouteBuilder MapStaffApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("api/staff").WithTags("Staff")
            .MapGet("/", ListAsync).RequirePermission(Permission.Read)
            .WithSummary("Staff members with their departments, optionally of one department");
        return app;
    }

    public static async Task<Results<Ok<List<StaffMemberView>>, ValidationProblem>> ListAsync(
        CrmDbContext db, CancellationToken cancellationToken, string? department = null)
    {
        if (department is not null && !Department.Standard.Any(d => d.Id == department))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["department"] = [$"One of: {string.Join(", ", Department.Standard.Select(d => d.Id))}."],
            });
        }

        var staff = await db.Users.AsNoTracking()
            .Where(u => department == null || u.Departments.Any(d => d.DepartmentId == department))
            .OrderBy(u => u.DisplayName)
            .Select(u => new StaffMemberView(u.Id, u.DisplayName, u.Departments.Select(d => d.DepartmentId).Order().ToList()))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(staff);
    }
}
