using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SocialEnterprise.Api.Audit;
using SocialEnterprise.Contracts.Access;
using SocialEnterprise.Contracts.Audit;
using SocialEnterprise.Domain.Access;
using SocialEnterprise.Infrastructure.Access;
using SocialEnterprise.Infrastructure.Persistence;

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

    public static async Task<Ok<List<ApiKeyResponse>>> ListKeys(CrmDbContext db, CancellationToken cancellationToken)
    {
        var keys = await db.ApiKeys.AsNoTracking().OrderByDescending(key => key.CreatedAt).ToListAsync(cancellationToken);
        return TypedResults.Ok(keys.ConvertAll(AccessViews.ApiKeyResponse));
    }

    public static async Task<Results<Created<CreatedApiKeyResponse>, ValidationProblem>> CreateKey(
        CreateApiKeyRequest request, ClaimsPrincipal user, HttpContext http, CrmDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Trim().Length > ApiKey.MaxNameLength)
        {
            errors["name"] = [$"A name of 1 to {ApiKey.MaxNameLength} characters."];
        }

        if (request.Scopes is not { Count: > 0 } scopes || scopes.Any(scope => !ApiScopes.All.Contains(scope)))
        {
            errors["scopes"] = [$"One or more of: {string.Join(", ", ApiScopes.All)}."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var caller = Caller.From(user);
        var now = time.GetUtcNow();
        var (key, secret) = ApiKey.Issue(request.Name!, request.Scopes!, caller.Name, now);
        db.ApiKeys.Add(key);
        db.AuditLog.Add(AuditRecords.By(caller, http, now, AuditActions.ApiKeyCreated, key.Name, $"scopes: {string.Join(", ", key.Scopes)}"));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/admin/api-keys/{key.Id}", new CreatedApiKeyResponse(AccessViews.ApiKeyResponse(key), secret));
    }

    public static async Task<Results<NoContent, NotFound>> RevokeKey(
        Guid id, ClaimsPrincipal user, HttpContext http, CrmDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var key = await db.ApiKeys.SingleOrDefaultAsync(candidate => candidate.Id == id, cancellationToken);
        if (key is null)
        {
            return TypedResults.NotFound();
        }

        var caller = Caller.From(user);
        var now = time.GetUtcNow();
        if (key.Revoke(caller.Name, now))
        {
            db.AuditLog.Add(AuditRecords.By(caller, http, now, AuditActions.ApiKeyRevoked, key.Name));
            await db.SaveChangesAsync(cancellationToken);
        }

        return TypedResults.NoContent();
    }
}
