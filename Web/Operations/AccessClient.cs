using SocialEnterprise.Contracts.Access;

namespace SocialEnterprise.Web.Operations;

/// <summary>API keys for integrations.</summary>
public sealed class AccessClient(ApiTransport api)
{
    public async Task<IReadOnlyList<ApiKeyResponse>> ApiKeysAsync(CancellationToken cancellationToken) =>
        await api.ReadAsync<List<ApiKeyResponse>>(HttpMethod.Get, "api/admin/api-keys", null, cancellationToken);

    public Task<CreatedApiKeyResponse> CreateApiKeyAsync(string name, IReadOnlyList<string> scopes, CancellationToken cancellationToken) =>
        api.ReadAsync<CreatedApiKeyResponse>(HttpMethod.Post, "api/admin/api-keys", new CreateApiKeyRequest(name, scopes), cancellationToken);

    public Task RevokeApiKeyAsync(Guid id, CancellationToken cancellationToken) =>
        api.CallAsync(HttpMethod.Delete, $"api/admin/api-keys/{id}", null, cancellationToken);
}
