using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using SocialEnterprise.Simulator.Measuring;

namespace SocialEnterprise.WorkspaceBenchmark;

/// <summary>One measured endpoint: its percentiles, what it answered and how many rows it matched.</summary>
public sealed record EndpointFigures(string Name, string Caller, LatencySummary Latency, int Failures, string Matched)
{
    public bool Meets(double targetMilliseconds) => Failures == 0 && Latency.Count > 0 && Latency.P50 < targetMilliseconds && Latency.P95 < targetMilliseconds;
}

/// <summary>Times GET requests to the Api one at a time (the latency of one caller, not a load test).</summary>
public sealed class ApiTimer(HttpClient http)
{
    public async Task<EndpointFigures> MeasureAsync(
        string name, ApiCaller caller, Func<int, string> path, int warmUp, int requests, CancellationToken cancellationToken)
    {
        for (var i = 0; i < warmUp; i++)
        {
            await SendAsync(caller, path(i), cancellationToken);
        }

        var samples = new List<double>(requests);
        var failures = 0;
        var matched = "";
        for (var i = 0; i < requests; i++)
        {
            var (elapsed, status, total) = await SendAsync(caller, path(warmUp + i), cancellationToken);
            if (status != 200)
            {
                failures++;
                continue;
            }

            samples.Add(elapsed);
            matched = total ?? matched;
        }

        return new EndpointFigures(name, caller.Name, LatencySummary.Of(samples), failures, matched);
    }

    private async Task<(double Milliseconds, int Status, string? Total)> SendAsync(ApiCaller caller, string path, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = caller.Authorization();
        var started = Stopwatch.GetTimestamp();
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (!response.IsSuccessStatusCode)
        {
            return (elapsed, (int)response.StatusCode, null);
        }

        // Inbox pages say how many conversations matched (capped); other answers just count as answered.
        string? total = null;
        if (path.StartsWith("api/conversations?", StringComparison.Ordinal))
        {
            var page = await response.Content.ReadFromJsonAsync<PageTotal>(cancellationToken);
            total = page is null ? null : string.Create(CultureInfo.InvariantCulture, $"{page.Total:#,0}{(page.TotalCapped ? "+" : "")}");
        }

        return (elapsed, 200, total);
    }

    private sealed record PageTotal(int Total, bool TotalCapped);
}
