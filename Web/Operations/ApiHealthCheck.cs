using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SocialEnterprise.Web.Operations;

/// <summary>The workspace is ready when the Api it works through is.</summary>
internal sealed class ApiHealthCheck(ApiTransport api) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(3));
            var (ready, detail) = await api.CheckReadyAsync(timeout.Token);
            return ready ? HealthCheckResult.Healthy($"Api: {detail}") : HealthCheckResult.Unhealthy($"Api: {detail}");
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("The Api is unreachable.", exception);
        }
    }
}
