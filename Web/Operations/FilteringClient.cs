using SocialEnterprise.Contracts.Filtering;

namespace SocialEnterprise.Web.Operations;

/// <summary>The noise rules that keep spam and blocked authors out of the inbox.</summary>
public sealed class FilteringClient(ApiTransport api)
{
    public async Task<IReadOnlyList<NoiseRuleView>> NoiseRulesAsync(CancellationToken cancellationToken) =>
        await api.ReadAsync<List<NoiseRuleView>>(HttpMethod.Get, "api/noise-rules", null, cancellationToken);

    public Task<NoiseRuleView> CreateNoiseRuleAsync(NoiseRuleRequest rule, CancellationToken cancellationToken) =>
        api.ReadAsync<NoiseRuleView>(HttpMethod.Post, "api/noise-rules", rule, cancellationToken);

    public Task<NoiseRuleView> ChangeNoiseRuleAsync(Guid id, NoiseRuleRequest rule, CancellationToken cancellationToken) =>
        api.ReadAsync<NoiseRuleView>(HttpMethod.Put, $"api/noise-rules/{id}", rule, cancellationToken);

    public Task DeleteNoiseRuleAsync(Guid id, CancellationToken cancellationToken) =>
        api.CallAsync(HttpMethod.Delete, $"api/noise-rules/{id}", null, cancellationToken);
}
