using SocialEnterprise.Contracts.Customers;

namespace SocialEnterprise.Web.Operations;

/// <summary>Customer profiles, their timeline and sentiment, and merging duplicates.</summary>
public sealed class CustomersClient(ApiTransport api)
{
    public async Task<IReadOnlyList<MergeSuggestionView>> OpenMergeSuggestionsAsync(CancellationToken cancellationToken) =>
        await api.ReadAsync<List<MergeSuggestionView>>(HttpMethod.Get, "api/customers/merge-suggestions?status=open", null, cancellationToken);

    public Task DismissMergeSuggestionAsync(Guid id, CancellationToken cancellationToken) =>
        api.CallAsync(HttpMethod.Post, $"api/customers/merge-suggestions/{id}/dismiss", null, cancellationToken);

    public async Task<IReadOnlyList<MergeView>> MergesAsync(CancellationToken cancellationToken) =>
        await api.ReadAsync<List<MergeView>>(HttpMethod.Get, "api/customers/merges", null, cancellationToken);

    public Task<MergeView> MergeCustomersAsync(MergeRequest merge, CancellationToken cancellationToken) =>
        api.ReadAsync<MergeView>(HttpMethod.Post, "api/customers/merges", merge, cancellationToken);

    public Task<MergeView> UndoMergeAsync(Guid id, CancellationToken cancellationToken) =>
        api.ReadAsync<MergeView>(HttpMethod.Post, $"api/customers/merges/{id}/undo", null, cancellationToken);

    public Task<CustomerProfile> CustomerAsync(Guid id, CancellationToken cancellationToken) =>
        api.ReadAsync<CustomerProfile>(HttpMethod.Get, $"api/customers/{id}", null, cancellationToken);

    public Task<TimelinePage> CustomerTimelineAsync(Guid id, DateTimeOffset? before, int limit, CancellationToken cancellationToken) =>
        api.ReadAsync<TimelinePage>(
            HttpMethod.Get,
            $"api/customers/{id}/timeline?limit={limit}{(before is { } b ? $"&before={Uri.EscapeDataString(b.ToString("O"))}" : "")}",
            null, cancellationToken);

    public async Task<IReadOnlyList<SentimentPoint>> CustomerSentimentAsync(Guid id, int days, CancellationToken cancellationToken) =>
        await api.ReadAsync<List<SentimentPoint>>(HttpMethod.Get, $"api/customers/{id}/sentiment?days={days}", null, cancellationToken);

    public Task<UnifiedFront> UnifiedFrontAsync(Guid id, int days, CancellationToken cancellationToken) =>
        api.ReadAsync<UnifiedFront>(HttpMethod.Get, $"api/customers/{id}/unified-front?days={days}", null, cancellationToken);
}
