using Microsoft.AspNetCore.Http.HttpResults;
using SocialEnterprise.Contracts.Access;

namespace SocialEnterprise.Api.Access;

public static class MeApi
{
    public static IEndpointRouteBuilder MapMeApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("api/me", Me)
            .WithTags("Access")
            .WithSummary("Who the Api takes the caller for, and what it may do")
            .RequirePermission(Permission.Read);
        return app;
    }

    public static Ok<CallerResponse> Me(RequestContext context)
    {
        var caller = context.Caller;
        return TypedResults.Ok(new CallerResponse(
            caller.Kind.ToString(), caller.Name, [.. caller.Roles.Order()], [.. caller.Departments.Order()], [.. caller.Scopes.Order()],
            [.. Enum.GetValues<Permission>().Where(caller.Can).Select(permission => permission.ToString())]));
    }
}

public sealed record CallerResponse(
    string Kind, string Name, IReadOnlyList<string> Roles, IReadOnlyList<string> Departments, IReadOnlyList<string> Scopes, IReadOnlyList<string> Permissions);
