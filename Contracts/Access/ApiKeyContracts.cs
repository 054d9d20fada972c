namespace SocialEnterprise.Contracts.Access;

/// <summary>The body of <c>POST /api/admin/api-keys</c>.</summary>
public sealed record CreateApiKeyRequest(string? Name, IReadOnlyList<string>? Scopes);

/// <summary>An API key as admins see it: never its secret.</summary>
public sealed record ApiKeyResponse(
    Guid Id, string Name, string Hint, IReadOnlyList<string> Scopes, string CreatedBy, DateTimeOffset CreatedAt,
    DateTimeOffset? RevokedAt, string? RevokedBy, DateTimeOffset? LastUsedAt);

/// <summary>The only answer that ever holds the secret.</summary>
public sealed record CreatedApiKeyResponse(ApiKeyResponse Key, string Secret);

public static class ApiKeyLimits
{
    public const int MaxNameLength = 100;
}
