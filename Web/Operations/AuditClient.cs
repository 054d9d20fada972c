using SocialEnterprise.Contracts.Audit;

namespace SocialEnterprise.Web.Operations;

/// <summary>The audit log and its export.</summary>
public sealed class AuditClient(ApiTransport api)
{
    public Task<AuditPage> AuditAsync(AuditQuery query, long? before, int take, CancellationToken cancellationToken) =>
        api.ReadAsync<AuditPage>(HttpMethod.Get, $"api/admin/audit?{query.ToQueryString()}&take={take}{(before is { } b ? $"&before={b}" : "")}", null, cancellationToken);

    public async Task<byte[]> ExportAuditAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        using var response = await api.SendAsync(HttpMethod.Get, $"api/admin/audit/export?{query.ToQueryString()}", null, cancellationToken);
        await ApiTransport.EnsureSuccessAsync(response, cancellationToken);
        return await response.Content.ReadAsByteArrayAsync(cancellationToken);
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
