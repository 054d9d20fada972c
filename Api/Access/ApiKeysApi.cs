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

    public static async Task<Ok<List<ApiKeyResponse>>> ListKeys([AsParameters] ApiServices services, CancellationToken cancellationToken)
    {
        var keys = await services.Db.ApiKeys.AsNoTracking().OrderByDescending(key => key.CreatedAt).ToListAsync(cancellationToken);
        return TypedResults.Ok(keys.ConvertAll(AccessViews.ApiKeyResponse));
    }

    public static async Task<Results<Created<CreatedApiKeyResponse>, ValidationProblem>> CreateKey(
        CreateApiKeyRequest request, [AsParameters] ApiServices services, CancellationToken cancellationToken)
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

        var (key, secret) = ApiKey.Issue(request.Name!, request.Scopes!, services.Caller.Name, services.Now);
        services.Db.ApiKeys.Add(key);
        await services.SaveAuditedAsync(AuditActions.ApiKeyCreated, key.Name, $"scopes: {string.Join(", ", key.Scopes)}", cancellationToken);
        return TypedResults.Created($"/api/admin/api-keys/{key.Id}", new CreatedApiKeyResponse(AccessViews.ApiKeyResponse(key), secret));
    }

    public static async Task<Results<NoContent, NotFound>> RevokeKey(
        Guid id, [AsParameters] ApiServices services, CancellationToken cancellationToken)
    {
        var key = await services.Db.ApiKeys.SingleOrDefaultAsync(candidate => candidate.Id == id, cancellationToken);
        if (key is null)
        {
            return TypedResults.NotFound();
        }

        if (key.Revoke(services.Caller.Name, services.Now))
        {
            await services.SaveAuditedAsync(AuditActions.ApiKeyRevoked, key.Name, null, cancellationToken);
        }

        return TypedResults.NoContent();
    }
}
