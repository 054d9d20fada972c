using SocialEnterprise.Contracts.Listening;

namespace SocialEnterprise.Web.Operations;

/// <summary>Events the intake filtered out or parked, and putting them back.</summary>
public sealed class ListeningClient(ApiTransport api)
{
    public Task<IntakeEventPage> FilteredEventsAsync(string? channel, int limit, int offset, CancellationToken cancellationToken) =>
        api.ReadAsync<IntakeEventPage>(HttpMethod.Get, $"api/ingest/filtered?{IntakeQuery(channel, limit, offset)}", null, cancellationToken);

    public Task RestoreFilteredEventAsync(Guid id, CancellationToken cancellationToken) =>
        api.CallAsync(HttpMethod.Post, $"api/ingest/filtered/{id}/restore", null, cancellationToken);

    public Task<IntakeEventPage> ParkedEventsAsync(string? channel, int limit, int offset, CancellationToken cancellationToken) =>
        api.ReadAsync<IntakeEventPage>(HttpMethod.Get, $"api/ingest/parked?{IntakeQuery(channel, limit, offset)}", null, cancellationToken);

    public Task ReplayParkedEventAsync(Guid id, CancellationToken cancellationToken) =>
        api.CallAsync(HttpMethod.Post, $"api/ingest/parked/{id}/replay", null, cancellationToken);

    private static string IntakeQuery(string? channel, int limit, int offset) =>
        $"{(channel is { Length: > 0 } ? $"channel={Uri.EscapeDataString(channel)}&" : "")}limit={limit}&offset={offset}";
}
