using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Reflection;
using Microsoft.AspNetCore.SignalR.Client;
using SocialEnterprise.Contracts.Events;
using SocialEnterprise.Contracts.Probes;
using SocialEnterprise.Shared;
using SocialEnterprise.StackSupport;

// Starts a private stack (durable, as ./run.sh runs it) on free ports, then measures:
//  1. latency, one probe in flight: POST accepted, and POST to the PipelineProbeCompleted event arriving at a
//     consumer of the event stream (Api -> PostgreSQL -> NOTIFY -> Workers -> event log -> NOTIFY -> hub -> client);
//  2. throughput: many probes from concurrent callers until every completion has been streamed.
// Usage: dotnet run -c Release --project benchmarks/PipelineBenchmark [-- <sequential probes> <burst probes> <callers>]
var sequential = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 500;
var burst = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2000;
var callers = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 16;

var configuration = Assembly.GetExecutingAssembly().GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
var directory = Path.Combine(Path.GetTempPath(), $"socialenterprise-benchmark-{Guid.NewGuid():N}");

Console.WriteLine($"Pipeline benchmark ({configuration} build, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd})");
await using (var stack = await AspireStack.StartAsync(new AspireStackOptions { DataDirectory = directory, Durable = true }, CancellationToken.None))
{
    using var http = new HttpClient { BaseAddress = stack.ApiUrl };
    http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AccessSettings.DevAdminKey);

    var completions = new ConcurrentDictionary<Guid, TaskCompletionSource<long>>();
    await using var hub = new HubConnectionBuilder()
        .WithUrl(new Uri(stack.ApiUrl, "hubs/events"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(AccessSettings.DevAdminKey))
        .Build();
    await hub.StartAsync();
    var head = await hub.InvokeAsync<long>("Head");
    using var stop = new CancellationTokenSource();
    var following = Task.Run(async () =>
    {
        await foreach (var envelope in hub.StreamAsync<EventEnvelope>("Follow", head, stop.Token))
        {
            if (envelope.ToEvent() is PipelineProbeCompleted completed)
            {
                completions.GetOrAdd(completed.ProbeId, _ => new(TaskCreationOptions.RunContinuationsAsynchronously))
                    .TrySetResult(Stopwatch.GetTimestamp());
            }
        }
    });

    async Task<(double Accepted, double Streamed)> ProbeAsync()
    {
        var start = Stopwatch.GetTimestamp();
        using var response = await http.PostAsJsonAsync("api/probes", new ProbeRequest("benchmark"));
        response.EnsureSuccessStatusCode();
        var accepted = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        var probe = await response.Content.ReadFromJsonAsync<ProbeResponse>();
        var streamedAt = await completions.GetOrAdd(probe!.Id, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).Task
            .WaitAsync(TimeSpan.FromSeconds(30));
        return (accepted, Stopwatch.GetElapsedTime(start, streamedAt).TotalMilliseconds);
    }

    for (var i = 0; i < 20; i++)
    {
        await ProbeAsync(); // warm-up: JIT, connection pools, plans
    }

    var samples = new List<(double Accepted, double Streamed)>();
    for (var i = 0; i < sequential; i++)
    {
        samples.Add(await ProbeAsync());
    }

    Console.WriteLine($"Latency, one probe in flight, {sequential} probes:");
    Console.WriteLine($"  POST /api/probes accepted (stored, event appended): {Percentiles(samples.Select(s => s.Accepted))}");
    Console.WriteLine($"  POST to completion event at a stream consumer:       {Percentiles(samples.Select(s => s.Streamed))}");

    var clock = Stopwatch.StartNew();
    var remaining = burst;
    await Task.WhenAll(Enumerable.Range(0, callers).Select(async _ =>
    {
        while (Interlocked.Decrement(ref remaining) >= 0)
        {
            await ProbeAsync();
        }
    }));
    clock.Stop();
    Console.WriteLine($"Throughput, {burst} probes from {callers} concurrent callers: {burst / clock.Elapsed.TotalSeconds:0} probes/s " +
                      $"carried and streamed ({clock.Elapsed.TotalSeconds:0.0} s)");

    await stop.CancelAsync();
    await following.ContinueWith(_ => { }, TaskScheduler.Default);
}

Directory.Delete(directory, recursive: true);
return;

static string Percentiles(IEnumerable<double> values)
{
    var sorted = values.Order().ToArray();
    double At(double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
    return string.Create(CultureInfo.InvariantCulture,
        $"p50 {At(0.50):0.0} ms, p95 {At(0.95):0.0} ms, p99 {At(0.99):0.0} ms, max {sorted[^1]:0.0} ms");
}

