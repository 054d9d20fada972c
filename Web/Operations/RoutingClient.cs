using SocialEnterprise.Contracts.Routing;

namespace SocialEnterprise.Web.Operations;

/// <summary>Routing rules, their order and dry runs.</summary>
public sealed class RoutingClient(ApiTransport api)
{
    public async Task<IReadOnlyList<RoutingRuleView>> RoutingRulesAsync(CancellationToken cancellationToken) =>
        await api.ReadAsync<List<RoutingRuleView>>(HttpMethod.Get, "api/routing-rules", null, cancellationToken);

    public Task<RoutingRuleView> CreateRoutingRuleAsync(RoutingRuleRequest rule, CancellationToken cancellationToken) =>
        api.ReadAsync<RoutingRuleView>(HttpMethod.Post, "api/routing-rules", rule, cancellationToken);

    public Task<RoutingRuleView> ChangeRoutingRuleAsync(Guid id, RoutingRuleRequest rule, CancellationToken cancellationToken) =>
        api.ReadAsync<RoutingRuleView>(HttpMethod.Put, $"api/routing-rules/{id}", rule, cancellationToken);

    public Task DeleteRoutingRuleAsync(Guid id, CancellationToken cancellationToken) =>
        api.CallAsync(HttpMethod.Delete, $"api/routing-rules/{id}", null, cancellationToken);

    public async Task<IReadOnlyList<RoutingRuleView>> ReorderRoutingRulesAsync(IReadOnlyList<Guid> ids, CancellationToken cancellationToken) =>
        await api.ReadAsync<List<RoutingRuleView>>(HttpMethod.Post, "api/routing-rules/order", new RoutingRuleOrderRequest(ids), cancellationToken);

    public Task<RoutingDryRunResult> DryRunRoutingAsync(RoutingDryRunRequest request, CancellationToken cancellationToken) =>
        api.ReadAsync<RoutingDryRunResult>(HttpMethod.Post, "api/routing-rules/dry-run", request, cancellationToken);
}
