using System.Diagnostics.Metrics;

namespace SocialEnterprise.Infrastructure.ServiceLevels;

/// <summary>Clock moments fired: predicted breaches, warnings and breaches, by metric-independent moment.</summary>
public sealed class ClockMetrics
{
    public const string MeterName = "SocialEnterprise.ServiceLevels";

    private readonly Counter<long> _fired;

    public ClockMetrics(IMeterFactory meters)
    {
        _fired = meters.Create(MeterName).CreateCounter<long>(
            "socialenterprise.sla.fired", "{clock}", "Service-level clock moments fired: predicted-breach, warning, breach");
    }

    public void Fired(ClockMoment moment, int count)
    {
        if (count > 0)
        {
            _fired.Add(count, new KeyValuePair<string, object?>("moment", moment switch
            {
                ClockMoment.PredictedBreach => "predicted-breach",
                ClockMoment.Warning => "warning",
                _ => "breach",
            }));
        }
    }
}
