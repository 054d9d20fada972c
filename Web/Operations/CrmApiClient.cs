using SocialEnterprise.Domain.Operations;
using SocialEnterprise.Domain.Probes;

namespace SocialEnterprise.Web.Operations;

/// <summary>The Api as the workspace calls it.</summary>
public sealed class CrmApiClient(HttpClient http)
{
    public async Task<SystemStatus> GetSystemStatusAsync(CancellationToken cancellationToken) =>
        await http.GetFromJsonAsync<SystemStatus>("api/system/status", cancellationToken)
        ?? throw new InvalidOperationException("The Api answered an empty system status.");

    public async Task<ProbeResponse> SendProbeAsync(string requestedBy, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync("api/probes", new ProbeRequest(requestedBy), cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<ProbeResponse>(cancellationToken)
               ?? throw new InvalidOperationException("The Api answered an empty probe.");
    }

    public async Task<IReadOnlyList<ProbeResponse>> RecentProbesAsync(int take, CancellationToken cancellationToken) =>
        await http.GetFromJsonAsync<List<ProbeResponse>>($"api/probes?take={take}", cancellationToken) ?? [];

    /// <summary>Whether the Api reports itself ready, and what it said.</summary>
    public async Task<(bool Ready, string Detail)> CheckReadyAsync(CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync("health", cancellationToken);
        return (response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
    }
}
