using SocialEnterprise.Contracts.Access;
using SocialEnterprise.Domain.Access;

namespace SocialEnterprise.Infrastructure.Access;

/// <summary>The access records the Api answers with, made from the entities.</summary>
public static class AccessViews
{
    public static ApiKeyResponse ApiKeyResponse(ApiKey key) => new(
        key.Id, key.Name, key.Hint, key.Scopes, key.CreatedBy, key.CreatedAt, key.RevokedAt, key.RevokedBy, key.LastUsedAt);
}
