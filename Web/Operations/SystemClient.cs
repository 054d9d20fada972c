using SocialEnterprise.Contracts.Operations;
using SocialEnterprise.Contracts.Probes;

namespace SocialEnterprise.Web.Operations;

/// <summary>The system page: the stack's status and the end-to-end probes.</summary>
public sealed class SystemClient(ApiTransport api)
{
    public async Task<SystemStatus> GetSystemStatusAsync(CancellationToken cancellationToken) =>
        await api.ReadAsync<SystemStatus>(HttpMethod.Get, "api/system/status", null, cancellationToken);

    public Task<ProbeResponse> SendProbeAsync(string requestedBy, CancellationToken cancellationToken) =>
        api.ReadAsync<ProbeResponse>(HttpMethod.Post, "api/probes", new ProbeRequest(requestedBy), cancellationToken);

    public async Task<IReadOnlyList<ProbeResponse>> RecentProbesAsync(int take, CancellationToken cancellationToken) =>
        await api.ReadAsync<List<ProbeResponse>>(HttpMethod.Get, $"api/probes?take={take}", null, cancellationToken);
}
