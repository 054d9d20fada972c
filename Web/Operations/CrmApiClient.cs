using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Components.Authorization;
using SocialEnterprise.Domain.Access;
using SocialEnterprise.Domain.Audit;
using SocialEnterprise.Domain.Operations;
using SocialEnterprise.Domain.Probes;
using SocialEnterprise.Web.Access;

namespace SocialEnterprise.Web.Operations;

/// <summary>
/// The Api as the signed-in staff member calls it: every request carries a short-lived token with their roles and
/// departments, so the Api applies the same rules to the workspace as to anyone else.
/// </summary>
public sealed class CrmApiClient(IHttpClientFactory clients, AuthenticationStateProvider authentication, StaffTokens tokens)
{
    public const string HttpClientName = "api";

    public async Task<SystemStatus> GetSystemStatusAsync(CancellationToken cancellationToken) =>
        await ReadAsync<SystemStatus>(HttpMethod.Get, "api/system/status", null, cancellationToken);

    public Task<ProbeResponse> SendProbeAsync(string requestedBy, CancellationToken cancellationToken) =>
        ReadAsync<ProbeResponse>(HttpMethod.Post, "api/probes", new ProbeRequest(requestedBy), cancellationToken);

    public async Task<IReadOnlyList<ProbeResponse>> RecentProbesAsync(int take, CancellationToken cancellationToken) =>
        await ReadAsync<List<ProbeResponse>>(HttpMethod.Get, $"api/probes?take={take}", null, cancellationToken);

    public async Task<IReadOnlyList<ApiKeyResponse>> ApiKeysAsync(CancellationToken cancellationToken) =>
        await ReadAsync<List<ApiKeyResponse>>(HttpMethod.Get, "api/admin/api-keys", null, cancellationToken);

    public Task<CreatedApiKeyResponse> CreateApiKeyAsync(string name, IReadOnlyList<string> scopes, CancellationToken cancellationToken) =>
        ReadAsync<CreatedApiKeyResponse>(HttpMethod.Post, "api/admin/api-keys", new CreateApiKeyRequest(name, scopes), cancellationToken);

    public async Task RevokeApiKeyAsync(Guid id, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Delete, $"api/admin/api-keys/{id}", null, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
    }

    public Task<AuditPage> AuditAsync(AuditQuery query, long? before, int take, CancellationToken cancellationToken) =>
        ReadAsync<AuditPage>(HttpMethod.Get, $"api/admin/audit?{query.ToQueryString()}&take={take}{(before is { } b ? $"&before={b}" : "")}", null, cancellationToken);

    public async Task<byte[]> ExportAuditAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, $"api/admin/audit/export?{query.ToQueryString()}", null, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        return await response.Content.ReadAsByteArrayAsync(cancellationToken);
    }

    /// <summary>Whether the Api reports itself ready, and what it said (no token: health is public).</summary>
    public async Task<(bool Ready, string Detail)> CheckReadyAsync(CancellationToken cancellationToken)
    {
        using var response = await clients.CreateClient(HttpClientName).GetAsync("health", cancellationToken);
        return (response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
    }

    private async Task<T> ReadAsync<T>(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(method, path, body, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        return await response.Content.ReadFromJsonAsync<T>(cancellationToken)
               ?? throw new InvalidOperationException($"The Api answered {method} {path} with nothing.");
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        var staff = StaffMember.From((await authentication.GetAuthenticationStateAsync()).User)
                    ?? throw new HttpRequestException("Not signed in.", null, HttpStatusCode.Unauthorized);
        using var request = new HttpRequestMessage(method, path)
        {
            Content = body is null ? null : JsonContent.Create(body),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", staff.TokenFrom(tokens));
        return await clients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var problem = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new HttpRequestException($"The Api answered {(int)response.StatusCode}: {problem}", null, response.StatusCode);
        }
    }
}

/// <summary>The audit log's filters as the workspace sends them.</summary>
public sealed record AuditQuery(string? Action, string? Actor, DateTimeOffset? Since, DateTimeOffset? Until)
{
    public string ToQueryString() => string.Join('&', new[]
    {
        Action is { Length: > 0 } ? $"action={Uri.EscapeDataString(Action)}" : null,
        Actor is { Length: > 0 } ? $"actor={Uri.EscapeDataString(Actor)}" : null,
        Since is { } since ? $"since={Uri.EscapeDataString(since.ToString("O"))}" : null,
        Until is { } until ? $"until={Uri.EscapeDataString(until.ToString("O"))}" : null,
    }.Where(part => part is not null));
}
