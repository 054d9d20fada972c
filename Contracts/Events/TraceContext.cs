using System.Diagnostics;

namespace SocialEnterprise.Contracts.Events;

/// <summary>
/// The W3C trace context stored beside work that is handed over (an ingest event, an event log entry), so the one who
/// picks it up continues the same trace.
/// </summary>
public static class TraceContext
{
    /// <summary>A W3C traceparent: <c>00-{32 hex}-{16 hex}-{2 hex}</c>.</summary>
    public const int TraceParentLength = 55;

    /// <summary>The trace context of the work under way, to store beside what it hands over; none outside any trace.</summary>
    public static string? CurrentTraceParent() =>
        Activity.Current is { IdFormat: ActivityIdFormat.W3C } current ? current.Id : null;

    /// <summary>A stored trace context, or <c>default</c> when there is none or it does not parse.</summary>
    public static ActivityContext ContextOf(string? traceParent) =>
        traceParent is not null && ActivityContext.TryParse(traceParent, null, isRemote: true, out var context) ? context : default;
}
