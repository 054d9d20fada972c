using System.Diagnostics;
using OpenTelemetry;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Drops database and cache spans that belong to no trace: the health checks' Redis PINGs and the connections the
/// background loops open every few seconds would otherwise fill the dashboard's trace list and bury the traces of
/// requests and carried events (where the same spans are kept, as children).
/// </summary>
public sealed class BackgroundNoiseFilter : BaseProcessor<Activity>
{
    private static readonly HashSet<string> Sources = ["Npgsql", "OpenTelemetry.Instrumentation.StackExchangeRedis"];

    public override void OnEnd(Activity data)
    {
        if (data.ParentSpanId == default && Sources.Contains(data.Source.Name))
        {
            data.ActivityTraceFlags &= ~ActivityTraceFlags.Recorded;
        }
    }
}
