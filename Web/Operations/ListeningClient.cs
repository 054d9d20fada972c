using SocialEnterprise.Contracts.Listening;

namespace SocialEnterprise.Web.Operations;

/// <summary>Events the intake filtered out or parked, and putting them back.</summary>
public sealed class ListeningClient(ApiTransport api)
{
    public Task<IngestEventPage> FilteredEventsAsync(string? channel, int limit, int offset, CancellationToken cancellationToken) =>
        api.ReadAsync<IngestEventPage>(HttpMethod.Get, $"api/ingest/filtered?{EventQuery(channel, limit, offset)}", null, cancellationToken);

    public Task RestoreFilteredEventAsync(Guid id, CancellationToken cancellationToken) =>
        api.CallAsync(HttpMethod.Post, $"api/ingest/filtered/{id}/restore", null, cancellationToken);

    public Task<IngestEventPage> ParkedEventsAsync(string? channel, int limit, int offset, CancellationToken cancellationToken) =>
        api.ReadAsync<IngestEventPage>(HttpMethod.Get, $"api/ingest/parked?{EventQuery(channel, limit, offset)}", null, cancellationToken);

    public Task ReplayParkedEventAsync(Guid id, CancellationToken cancellationToken) =>
        api.CallAsync(HttpMethod.Post, $"api/ingest/parked/{id}/replay", null, cancellationToken);

    private static string EventQuery(string? channel, int limit, int offset) =>
        $"{(channel is { Length: > 0 } ? $"channel={Uri.EscapeDataString(channel)}&" : "")}limit={limit}&offset={offset}";
}
