using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace SocialEnterprise.Workers.IntegrationTests.Persistence;

/// <summary>
/// The SQL one piece of a test sends, read from Npgsql's spans: only the spans of the trace <see cref="Trace"/> starts
/// (other tests' work runs in the same process meanwhile).
/// </summary>
public sealed class StatementRecorder : IDisposable
{
    private readonly ActivityTraceId _trace = ActivityTraceId.CreateRandom();
    private readonly ActivitySource _source = new(nameof(StatementRecorder));
    private readonly ActivityListener _listener;

    public StatementRecorder()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.Source.Name == "Npgsql" && activity.TraceId == _trace)
                {
                    foreach (var (_, value) in activity.Tags)
                    {
                        if (value is not null && (value.Contains("INSERT INTO", StringComparison.Ordinal) || value.Contains("UPDATE ", StringComparison.Ordinal)))
                        {
                            Texts.Add(value);
                        }
                    }
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public ConcurrentBag<string> Texts { get; } = [];

    /// <summary>Starts the span whose trace is recorded: what runs inside it (and its children) is counted.</summary>
    public Activity? Trace() =>
        _source.StartActivity("test", ActivityKind.Internal, new ActivityContext(_trace, ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded));

    /// <summary>How many times the statements recorded match <paramref name="pattern"/>.</summary>
    public int Count(string pattern) => Texts.Sum(text => Regex.Count(text, pattern));

    public void Dispose()
    {
        _listener.Dispose();
        _source.Dispose();
    }
}
