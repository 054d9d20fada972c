using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SocialEnterprise.Contracts.Access;
using SocialEnterprise.Contracts.Audit;
using SocialEnterprise.Domain.Access;
using SocialEnterprise.Infrastructure.Access;

namespace SocialEnterprise.Api.Access;

public static class ApiKeysApi
{
    public static IEndpointRouteBuilder MapApiKeysApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/admin/api-keys")
            .WithTags("API keys")
            .RequirePermission(Permission.Administer);

        api.MapGet("/", ListKeys).WithSummary("Every API key, revoked ones included; secrets are never shown again");
        api.MapPost("/", CreateKey).WithSummary("Create a key; the answer holds its secret, once");
        api.MapDelete("/{id:guid}", RevokeKey).WithSummary("Revoke a key; it stops working at once");
        return app;
    }

    public static async Task<Ok<List<ApiKeyResponse>>> ListKeys([AsParameters] ApiKeyServices services, CancellationToken cancellationToken)
    {
        var keys = await services.Db.ApiKeys.AsNoTracking().OrderByDescending(key => key.CreatedAt).ToListAsync(cancellationToken);
        return TypedResults.Ok(keys.ConvertAll(AccessViews.ApiKeyResponse));
    }

    public static async Task<Results<Created<CreatedApiKeyResponse>, ValidationProblem>> CreateKey(
        CreateApiKeyRequest request, [AsParameters] ApiKeyServices services, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Trim().Length > ApiKeyLimits.MaxNameLength)
        {
            errors["name"] = [$"A name of 1 to {ApiKeyLimits.MaxNameLength} characters."];
        }

        if (request.Scopes is not { Count: > 0 } scopes || scopes.Any(scope => !ApiScopes.All.Contains(scope)))
        {
            errors["scopes"] = [$"One or more of: {string.Join(", ", ApiScopes.All)}."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var caller = services.Context.Caller;
        var now = services.Time.GetUtcNow();
        var (key, secret) = ApiKey.Issue(request.Name!, request.Scopes!, caller.Name, now);
        services.Db.ApiKeys.Add(key);
        services.Db.AuditLog.Add(services.Context.Audit(now, AuditActions.ApiKeyCreated, key.Name, $"scopes: {string.Join(", ", key.Scopes)}"));
        await services.Db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/admin/api-keys/{key.Id}", new CreatedApiKeyResponse(AccessViews.ApiKeyResponse(key), secret));
    }

    public static async Task<Results<NoContent, NotFound>> RevokeKey(
        Guid id, [AsParameters] ApiKeyServices services, CancellationToken cancellationToken)
    {
        var key = await services.Db.ApiKeys.SingleOrDefaultAsync(candidate => candidate.Id == id, cancellationToken);
        if (key is null)
        {
            return TypedResults.NotFound();
        }

        var caller = services.Context.Caller;
        var now = services.Time.GetUtcNow();
        if (key.Revoke(caller.Name, now))
        {
            services.Db.AuditLog.Add(services.Context.Audit(now, AuditActions.ApiKeyRevoked, key.Name));
            await services.Db.SaveChangesAsync(cancellationToken);
        }

        return TypedResults.NoContent();
    }
}
