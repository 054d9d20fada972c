using System.Diagnostics;

namespace SocialEnterprise.Domain;

/// <summary>
/// The services' own traces: one activity source per feature, named <c>SocialEnterprise.*</c> like their meters (each
/// feature's metrics class), which the service defaults export to the dashboard.
/// </summary>
public static class Telemetry
{
    /// <summary>A W3C traceparent: <c>00-{32 hex}-{16 hex}-{2 hex}</c>.</summary>
    public const int TraceParentLength = 55;

    public static readonly ActivitySource Intake = new("SocialEnterprise.Intake");

    public static readonly ActivitySource Live = new("SocialEnterprise.Live");

    public static readonly ActivitySource Outbound = new("SocialEnterprise.Outbound");

    /// <summary>The trace context of the work under way, to store beside what it hands over; none outside any trace.</summary>
    public static string? CurrentTraceParent() =>
        Activity.Current is { IdFormat: ActivityIdFormat.W3C } current ? current.Id : null;

    /// <summary>A stored trace context, or <c>default</c> when there is none or it does not parse.</summary>
    public static ActivityContext ContextOf(string? traceParent) =>
        traceParent is not null && ActivityContext.TryParse(traceParent, null, isRemote: true, out var context) ? context : default;
}
