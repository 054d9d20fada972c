using Microsoft.Extensions.Diagnostics.HealthChecks;
using SocialEnterprise.Contracts.Operations;
using SocialEnterprise.Shared;
using SocialEnterprise.Web.Live;

namespace SocialEnterprise.Web.Operations;

/// <summary>One line of the System page.</summary>
public sealed record ComponentRow(
    string Name, string Kind, string Status, string Detail, double? DurationMs = null, IReadOnlyList<ComponentInstance>? Instances = null)
{
    public const string Unknown = "Unknown";
}

/// <summary>
/// The System page's rows: the workspace's own view (itself and its live link to the Api), then everything the Api
/// reports. When the Api cannot be asked, what only it can see is shown as unknown rather than guessed.
/// </summary>
public static class SystemOverview
{
    public const string LiveLink = "live link";

    private static readonly string[] SeenOnlyByTheApi = [Resources.Workers, Resources.Postgres, Resources.Cache];

    public static IReadOnlyList<ComponentRow> Build(
        HealthReport web, LiveConnectionState live, long? lastSequence, SystemStatus? api, string? apiError)
    {
        var rows = new List<ComponentRow>
        {
            new(Resources.Web, ComponentStatus.Service, web.Status.ToString(), Describe(web), web.TotalDuration.TotalMilliseconds),
            new(LiveLink, ComponentStatus.Dependency, LiveStatus(live), LiveDetail(live, lastSequence)),
        };

        if (api is not null)
        {
            rows.AddRange(api.Components.Select(component => new ComponentRow(
                component.Name, component.Kind, component.Status, component.Description ?? "", component.DurationMs, component.Instances)));
            return rows;
        }

        rows.Add(new(Resources.Api, ComponentStatus.Service, nameof(HealthStatus.Unhealthy), apiError ?? "Not asked yet."));
        rows.AddRange(SeenOnlyByTheApi.Select(name => new ComponentRow(
            name,
            name == Resources.Workers ? ComponentStatus.Service : ComponentStatus.Dependency,
            ComponentRow.Unknown,
            "Unknown while the Api cannot be reached.")));
        return rows;
    }

    private static string Describe(HealthReport report) =>
        string.Join("; ", report.Entries.Select(entry =>
            $"{entry.Key}: {entry.Value.Status}{(entry.Value.Description is { Length: > 0 } detail ? $" ({detail})" : "")}"));

    private static string LiveStatus(LiveConnectionState live) => live switch
    {
        LiveConnectionState.Live => nameof(HealthStatus.Healthy),
        LiveConnectionState.Connecting => nameof(HealthStatus.Degraded),
        _ => nameof(HealthStatus.Unhealthy),
    };

    private static string LiveDetail(LiveConnectionState live, long? lastSequence) => live switch
    {
        LiveConnectionState.Live => lastSequence is { } sequence
            ? $"Following the event stream; last event #{sequence}"
            : "Following the event stream; no event yet",
        LiveConnectionState.Connecting => "Connecting to the Api's event stream",
        _ => lastSequence is { } last
            ? $"Reconnecting; will resume after event #{last}"
            : "Reconnecting to the Api's event stream",
    };
}
