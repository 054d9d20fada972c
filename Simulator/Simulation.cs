using System.Globalization;
using SocialEnterprise.Simulator.Sending;
using SocialEnterprise.Simulator.Traffic;

namespace SocialEnterprise.Simulator;

/// <summary>A traffic run against a real Api with the real clock: what the CLI (and the AppHost's simulator resource) runs.</summary>
public static class Simulation
{
    /// <summary>Sends simulated traffic as <paramref name="arguments"/> ask until their duration ends or <paramref name="cancellationToken"/> fires.</summary>
    /// <param name="report">Receives the opening line, a status line every 5 s and the totals.</param>
    public static async Task<TrafficSnapshot> RunAsync(SimulatorArguments arguments, Action<string> report, CancellationToken cancellationToken)
    {
        var time = TimeProvider.System;
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var generator = new TrafficGenerator(arguments.Seed, TrafficGenerator.NewRunId(), time);
        var client = new IngestClient(http, arguments.Api, arguments.SecretOf, time);
        using var run = new TrafficRun(generator, client.SendAsync, new TrafficRunOptions
        {
            Rate = arguments.Rate,
            Duration = arguments.Duration,
        }, time, report);

        var until = arguments.Duration is { } duration
            ? string.Create(CultureInfo.InvariantCulture, $"for {duration.TotalSeconds:0.#} s")
            : "until stopped";
        report(string.Create(CultureInfo.InvariantCulture,
            $"simulating {arguments.Rate:0.##} events/s to {arguments.Api}api/ingest/{{channel}} {until} " +
            $"(seed {arguments.Seed}, {generator.People.Count} people, external ids {generator.ExternalIdPrefix}<n>)"));
        return await run.RunAsync(cancellationToken);
    }
}
