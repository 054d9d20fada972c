using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace SocialEnterprise.AppHost.Operations;

/// <summary>
/// Buttons in the dashboard for what an operator reaches for: prove the pipeline carries (a probe through Api, queue,
/// Workers and event log, timed), put parked events back in the queue, make the development channels misbehave. Each
/// calls the services' own HTTP API with the seeded admin key, so it is audited like any other caller.
/// </summary>
internal static class OperatorCommands
{
    private static readonly TimeSpan ProbeWait = TimeSpan.FromSeconds(15);

    public static IResourceBuilder<ProjectResource> WithOperatorCommands(
        this IResourceBuilder<ProjectResource> api, IResourceBuilder<ProjectResource> workers, IResourceBuilder<ParameterResource> adminKey)
    {
        api.WithCommand("send-probe", "Send a pipeline probe", context => SendProbeAsync(api, adminKey, context.CancellationToken),
            new CommandOptions
            {
                Description = "Stores a probe through the Api, waits for a worker to carry it and says how long the round trip took.",
                IconName = "Pulse",
                UpdateState = WhenHealthy,
            });

        workers.WithHttpCommand("/api/ingest/parked/replay", "Replay parked events",
            endpointSelector: () => api.GetEndpoint("http"),
            commandName: "replay-parked",
            commandOptions: new HttpCommandOptions
            {
                Description = "Puts events parked after repeated failures back in the intake queue for a fresh set of attempts.",
                IconName = "ArrowRepeatAll",
                PrepareRequest = request => AuthorizeAsync(request.Request, adminKey, request.CancellationToken),
                GetCommandResult = async result =>
                {
                    if (!result.Response.IsSuccessStatusCode)
                    {
                        return CommandResults.Failure($"The Api answered {(int)result.Response.StatusCode}.");
                    }

                    var answer = await result.Response.Content.ReadFromJsonAsync<JsonElement>(result.CancellationToken);
                    var replayed = answer.GetProperty("replayed").GetInt32();
                    var remaining = answer.GetProperty("remaining").GetInt32();
                    return CommandResults.Success(replayed == 0
                        ? "No event was parked."
                        : $"{replayed} parked events are back in the queue{(remaining > 0 ? $"; {remaining} remain, run it again" : "")}.");
                },
                UpdateState = WhenHealthy,
            });
        return api;
    }

    /// <summary>The channel sandbox answers the next five replies 503, as a channel in trouble would: watch the retries.</summary>
    public static IResourceBuilder<ProjectResource> WithSandboxCommands(this IResourceBuilder<ProjectResource> sandbox) =>
        sandbox.WithHttpCommand("/sandbox/fail", "Fail the next 5 replies",
            commandName: "fail-next",
            commandOptions: new HttpCommandOptions
            {
                Description = "The channels answer the next five replies 503 with Retry-After: 5 s; the Workers retry them.",
                IconName = "Warning",
                PrepareRequest = request =>
                {
                    request.Request.Content = JsonContent.Create(new { count = 5, status = 503, retryAfterSeconds = 5 });
                    return Task.CompletedTask;
                },
                UpdateState = WhenHealthy,
            });

    private static async Task<ExecuteCommandResult> SendProbeAsync(
        IResourceBuilder<ProjectResource> api, IResourceBuilder<ParameterResource> adminKey, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = new Uri(api.GetEndpoint("http").Url), Timeout = TimeSpan.FromSeconds(10) };
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/probes") { Content = JsonContent.Create(new { requestedBy = "the Aspire dashboard" }) };
        await AuthorizeAsync(request, adminKey, cancellationToken);
        var started = Stopwatch.GetTimestamp();
        using var sent = await http.SendAsync(request, cancellationToken);
        if (!sent.IsSuccessStatusCode)
        {
            return CommandResults.Failure($"The Api answered {(int)sent.StatusCode} to the probe.");
        }

        var id = (await sent.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("id").GetGuid();
        while (Stopwatch.GetElapsedTime(started) < ProbeWait)
        {
            using var read = new HttpRequestMessage(HttpMethod.Get, $"api/probes/{id}");
            await AuthorizeAsync(read, adminKey, cancellationToken);
            using var answer = await http.SendAsync(read, cancellationToken);
            var probe = await answer.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            if (probe.GetProperty("status").GetString() == "completed")
            {
                return CommandResults.Success(
                    $"Probe {id:N} was stored, carried by {probe.GetProperty("completedBy").GetString()} and recorded in {Stopwatch.GetElapsedTime(started).TotalMilliseconds:0} ms.");
            }

            await Task.Delay(50, cancellationToken);
        }

        return CommandResults.Failure($"Probe {id:N} was stored but not carried within {ProbeWait.TotalSeconds:0} s: are the Workers running?");
    }

    private static async Task AuthorizeAsync(HttpRequestMessage request, IResourceBuilder<ParameterResource> adminKey, CancellationToken cancellationToken) =>
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await adminKey.Resource.GetValueAsync(cancellationToken));

    private static ResourceCommandState WhenHealthy(UpdateCommandStateContext context) =>
        context.ResourceSnapshot.HealthStatus is Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy
            ? ResourceCommandState.Enabled
            : ResourceCommandState.Disabled;
}
