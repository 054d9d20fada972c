using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SocialEnterprise.Api.Access;
using SocialEnterprise.Contracts.Access;
using SocialEnterprise.Contracts.Operations;
using SocialEnterprise.Domain.Operations;
using SocialEnterprise.Infrastructure.Caching;
using SocialEnterprise.Infrastructure.Persistence;
using SocialEnterprise.Shared;

namespace SocialEnterprise.Api.Operations;

public static class SystemApi
{
    /// <summary>A worker that has not reported within this window is shown as gone.</summary>
    public static readonly TimeSpan HeartbeatWindow = TimeSpan.FromSeconds(20);

    public static IEndpointRouteBuilder MapSystemApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("api/system")
            .WithTags("System")
            .RequirePermission(Permission.Read)
            .MapGet("/status", GetStatus)
            .WithSummary("The health of the Api, the Workers, PostgreSQL and Redis, with the detail of each check");
        return app;
    }

    public static async Task<Ok<SystemStatus>> GetStatus(
        HealthCheckService health, IServiceScopeFactory scopes, TimeProvider time, CancellationToken cancellationToken)
    {
        var report = await health.CheckHealthAsync(cancellationToken);
        var components = new List<ComponentStatus>
        {
            new(Resources.Api, ComponentStatus.Service, report.Status.ToString(),
                $"{report.Entries.Count} checks", report.TotalDuration.TotalMilliseconds),
            await WorkersStatusAsync(scopes, time, cancellationToken),
        };
        components.AddRange(report.Entries
            .Where(entry => DependencyOf(entry.Key) is not null)
            .Select(entry => new ComponentStatus(
                DependencyOf(entry.Key)!, ComponentStatus.Dependency, entry.Value.Status.ToString(),
                entry.Value.Description ?? entry.Value.Exception?.Message, entry.Value.Duration.TotalMilliseconds)));

        return TypedResults.Ok(new SystemStatus(time.GetUtcNow(), components));
    }

    /// <summary>The dependency a health check is about, by the resource names operators know (as in the dashboard).</summary>
    private static string? DependencyOf(string healthCheck) => healthCheck switch
    {
        CrmDatabaseExtensions.HealthCheckName => Resources.Postgres,
        CrmCacheExtensions.HealthCheckName => Resources.Cache,
        _ => null,
    };

    private static async Task<ComponentStatus> WorkersStatusAsync(
        IServiceScopeFactory scopes, TimeProvider time, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            var heartbeats = await db.ServiceHeartbeats.AsNoTracking()
                .Where(heartbeat => heartbeat.Service == Resources.Workers)
                .OrderByDescending(heartbeat => heartbeat.LastSeenAt)
                .Take(20)
                .ToListAsync(cancellationToken);
            return WorkersStatus(heartbeats, time.GetUtcNow());
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return new(Resources.Workers, ComponentStatus.Service, nameof(HealthStatus.Unhealthy),
                $"Cannot read worker heartbeats: {exception.Message}");
        }
    }

    internal static ComponentStatus WorkersStatus(IReadOnlyList<ServiceHeartbeat> heartbeats, DateTimeOffset now)
    {
        var instances = heartbeats
            .Select(heartbeat => new ComponentInstance(
                heartbeat.Instance,
                heartbeat.IsAlive(now, HeartbeatWindow) ? heartbeat.Status : "Gone",
                heartbeat.StartedAt,
                heartbeat.LastSeenAt))
            .ToList();
        var alive = heartbeats.Where(heartbeat => heartbeat.IsAlive(now, HeartbeatWindow)).ToList();

        var (status, description) = alive switch
        {
            [] when heartbeats.Count == 0 => (HealthStatus.Unhealthy, "No worker has ever reported."),
            [] => (HealthStatus.Unhealthy, $"No worker reported in the last {HeartbeatWindow.TotalSeconds:0} s."),
            _ when alive.All(heartbeat => heartbeat.Status == nameof(HealthStatus.Healthy)) =>
                (HealthStatus.Healthy, $"{alive.Count} running"),
            _ => (HealthStatus.Degraded, $"{alive.Count} running, not all healthy"),
        };
        return new(Resources.Workers, ComponentStatus.Service, status.ToString(), description, Instances: instances);
    }
}
