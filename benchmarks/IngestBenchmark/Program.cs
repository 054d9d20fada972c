using System.Globalization;
using System.Reflection;
using Npgsql;
using SocialEnterprise.IngestBenchmark;
using SocialEnterprise.Shared;
using SocialEnterprise.Simulator;
using SocialEnterprise.Simulator.Sending;
using SocialEnterprise.Simulator.Traffic;
using SocialEnterprise.StackSupport;

// Starts a private stack (durable, as ./run.sh runs it) on free ports, then measures ingestion through the real
// processes: 1. max throughput of POST /api/ingest/{channel} from concurrent callers, and how fast the Workers drain
// the backlog it leaves; 2. at a steady rate, the time from received to processed of every event.
if (CommandLine.Interpret(args, IngestBenchmarkArguments.Parse, parsed => parsed.Help, IngestBenchmarkArguments.Usage, out var interpreted) is { } exit)
{
    return exit;
}

var arguments = interpreted!;

var configuration = Assembly.GetExecutingAssembly().GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
var directory = Path.Combine(Path.GetTempPath(), $"socialenterprise-ingest-benchmark-{Guid.NewGuid():N}");
var time = TimeProvider.System;
var run = TrafficGenerator.NewRunId();
var phase = TimeSpan.FromSeconds(arguments.Seconds);
void Print(string line) => Console.WriteLine(line);
string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

Print(Invariant($"Ingest benchmark ({configuration} build, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd}, run {run})"));
if (configuration != "Release")
{
    Print("  not a Release build: the figures are not representative (dotnet run -c Release ...)");
}

var exitCode = 0;
await using var log = arguments.Log is { } logFile ? TextWriter.Synchronized(new StreamWriter(logFile) { AutoFlush = true }) : null;
await using (var stack = await AspireStack.StartAsync(new AspireStackOptions
{
    DataDirectory = directory,
    Log = log,
    Durable = true,
    WorkersReplicas = arguments.Workers,
    Environment = new (string Name, int? Value)[] { ("Intake__Concurrency", arguments.Carriers), ("Intake__BatchSize", arguments.Batch) }
        .Where(setting => setting.Value is not null)
        .Select(setting => (Resources.Workers, setting.Name, setting.Value!.Value.ToString(CultureInfo.InvariantCulture)))
        .ToList(),
}, CancellationToken.None))
{
    await using var database = NpgsqlDataSource.Create(stack.DatabaseConnectionString);
    using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
    var client = new IngestClient(http, stack.ApiUrl, IngestSettings.DevSecret, time);
    var phases = new IngestPhases(client, new IngestEventsTable(database), time, Print);
    Print($"Private stack up: Api {stack.ApiUrl}, data in {directory}; Workers processes: {arguments.Workers.ToString(CultureInfo.InvariantCulture)}; carrying loops each: {arguments.Carriers?.ToString(CultureInfo.InvariantCulture) ?? "the Workers' default"}; batch: {arguments.Batch?.ToString(CultureInfo.InvariantCulture) ?? "the Workers' default"}");

    var first = await client.SendAsync(new TrafficGenerator(1, $"{run}p", time).Next(), CancellationToken.None);
    if (first.Status is not (200 or 202))
    {
        Print(first.Status switch
        {
            404 => "The Api answers 404 to POST /api/ingest/{channel}: this build has no ingest endpoint yet.",
            401 => $"The Api refuses the signature (401): it must accept the channel secret '{IngestSettings.DevSecret}' the local runner documents.",
            IngestResult.NoAnswer => "The Api did not answer POST /api/ingest/{channel}.",
            var status => $"The Api answers {status} to a valid signed event; nothing to measure.",
        });
        exitCode = 1;
    }
    else
    {
        // JIT, connection pools and query plans warm up outside the measured phases. Long enough for tiered compilation to
        // finish: the Workers carry at about a third of their speed for the first 30-40 s after a start (tier-0 code).
        await phases.FlatOutAsync(new TrafficGenerator(1, $"{run}w", time), Math.Min(8, arguments.Callers), TimeSpan.FromSeconds(15), prepared: 30_000);
        await phases.DrainAsync($"sim-{run}w-");
        // The warm-up leaves dead rows behind; vacuum them now, or autovacuum arrives in the first measured seconds
        // (on two cores it then costs the workers a few hundred milliseconds, which is not what is being measured).
        // A checkpoint too: the warm-up's writes would otherwise be flushed to disk during the first measured seconds.
        foreach (var statement in (string[])["VACUUM (ANALYZE)", "CHECKPOINT"])
        {
            await using var command = database.CreateCommand(statement);
            command.CommandTimeout = 600;
            await command.ExecuteNonQueryAsync();
        }

        // Latency first, on an empty queue; then the flat-out burst, whose backlog would otherwise delay it.
        Print("");
        Print(Invariant($"1. Steady rate: {arguments.Rate:0.##} events/s for {arguments.Seconds} s, then until every accepted event has left 'pending'"));
        var steady = new TrafficGenerator(1, $"{run}b", time);
        var steadyTotals = await phases.SteadyAsync(steady, arguments.Rate, phase);
        var (_, stillPending, _) = await phases.DrainAsync(steady.ExternalIdPrefix);
        var table = new IngestEventsTable(database);
        var statuses = await table.CountByStatusAsync(steady.ExternalIdPrefix, CancellationToken.None);
        var latency = await table.ProcessingLatencyAsync(steady.ExternalIdPrefix, CancellationToken.None);
        Print(Invariant($"   {Figures.Count(steadyTotals.Accepted)} accepted; in ingest_events: {string.Join(", ", statuses.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key} {Figures.Count(s.Value)}"))}"));
        if (stillPending > 0)
        {
            Print($"   {Figures.Count(stillPending)} still 'pending' after the drain timeout: the latency below leaves them out");
        }

        Print($"   received -> processed: {latency}");
        if (Figures.SteadyP95TargetMilliseconds(arguments.Rate) is { } steadyTarget)
        {
            Print($"                          {Figures.Below(latency.P95, steadyTarget, " ms")} (p95)");
        }

        var medians = await table.MedianLatencyByWindowAsync(steady.ExternalIdPrefix, TimeSpan.FromSeconds(2), CancellationToken.None);
        Print(Invariant($"   median by 2 s of arrival: {string.Join(", ", medians.Select(m => m.ToString("0", CultureInfo.InvariantCulture)))} ms"));
        Print("");
        Print(Invariant($"2. Max throughput: {arguments.Callers} concurrent callers posting signed events for {arguments.Seconds} s"));
        var flatOut = new TrafficGenerator(1, $"{run}a", time);
        var (totals, elapsed) = await phases.FlatOutAsync(flatOut, arguments.Callers, phase, prepared: (int)Math.Min(200_000, arguments.Seconds * 3_000L));
        var acceptedPerSecond = Figures.PerSecond(totals.Accepted, elapsed);
        Print(Invariant($"   posted {Figures.Count(totals.Sent)}: {Figures.Count(totals.Accepted)} accepted (202), {Figures.Count(totals.Duplicates)} duplicates (200), {Figures.Count(totals.RejectedTotal)} rejected"));
        Print($"   accepted/s:            {Figures.Count(acceptedPerSecond),8}    {Figures.AtLeast(acceptedPerSecond, Figures.AcceptedPerSecondTarget, "/s")}");
        Print($"   accept latency:        {totals.Window}");
        Print($"   errors by status:      {totals.RejectedByStatus()}; 429 answers waited out and retried: {Figures.Count(totals.Throttled)}");

        // The backlog a flat-out burst leaves is larger than the workers clear in minutes: their rate over a minute is the figure.
        var profile = await CarryProfile.StartAsync(database, await stack.ProcessesOfAsync(Resources.Workers, arguments.Workers, CancellationToken.None), CancellationToken.None);
        var (backlog, left, drained) = await phases.DrainAsync(flatOut.ExternalIdPrefix, TimeSpan.FromSeconds(60));
        var cost = await profile.StopAsync(backlog - left, CancellationToken.None);
        var workerRate = Figures.PerSecond(backlog - left, drained);
        Print(left > 0
            ? Invariant($"   workers:               {Figures.Count(workerRate),8} processed/s; {Figures.Count(left)} of a backlog of {Figures.Count(backlog)} still pending after {drained.TotalSeconds:0} s")
            : backlog >= acceptedPerSecond
                ? Invariant($"   workers:               {Figures.Count(workerRate),8} processed/s draining a backlog of {Figures.Count(backlog)} in {drained.TotalSeconds:0.0} s    {Figures.AtLeast(workerRate, Figures.DrainPerSecondTarget, "/s")}")
                : Invariant($"   workers:               kept up while posting (backlog {Figures.Count(backlog)} when posting stopped): their capacity is above {Figures.Count(acceptedPerSecond)}/s"));
        foreach (var line in cost.Lines())
        {
            Print("   " + line);
        }

    }
}

Directory.Delete(directory, recursive: true);
return exitCode;
