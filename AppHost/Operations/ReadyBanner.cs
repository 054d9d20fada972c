using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using SocialEnterprise.Shared;

namespace SocialEnterprise.AppHost.Operations;

/// <summary>
/// Once the Api, the Workers and the workspace are healthy, says plainly where everything is — the dashboard with its
/// login link first — in a few lines that stand out from the orchestrator's log.
/// </summary>
internal static class ReadyBanner
{
    /// <summary>The name Aspire gives the dashboard's own (hidden) resource.</summary>
    private const string DashboardResourceName = "aspire-dashboard";

    public static void AddReadyBanner(
        this IDistributedApplicationBuilder builder, AppHostSettings settings, params IResourceBuilder<ProjectResource>[] services)
    {
        var started = Stopwatch.GetTimestamp();
        var waiting = services.Select(service => service.Resource.Name).ToHashSet();
        var gate = new Lock();
        var isDevelopment = builder.Environment.EnvironmentName == "Development";
        foreach (var service in services)
        {
            builder.Eventing.Subscribe<ResourceReadyEvent>(service.Resource, (ready, _) =>
            {
                lock (gate)
                {
                    if (!waiting.Remove(ready.Resource.Name) || waiting.Count > 0)
                    {
                        return Task.CompletedTask;
                    }
                }

                // Without a dashboard this is a test or a benchmark running the AppHost: nobody to tell.
                if (DashboardLoginUrl(builder, ready.Services) is not { } dashboard)
                {
                    return Task.CompletedTask;
                }

                var urls = services.ToDictionary(s => s.Resource.Name, s => s.GetEndpoint("http").Url);
                var lines = new List<string>
                {
                    "",
                    $"Social Enterprise is ready ({Stopwatch.GetElapsedTime(started).TotalSeconds:0} s).",
                    $"  Dashboard   {dashboard}",
                    $"  Workspace   {urls[Resources.Web]}" + (isDevelopment ? $"   sign in as admin@{AccessSettings.DemoDomain} / {AccessSettings.DemoPassword} (README: every demo account)" : ""),
                    $"  Api         {urls[Resources.Api]}   OpenAPI {urls[Resources.Api]}/openapi/v1.json" + (isDevelopment ? $"   key {AccessSettings.DevAdminKey}" : ""),
                    $"  Workers     {urls[Resources.Workers]}/health",
                    settings.LocalServers == false
                        ? "  Data        PostgreSQL and Redis in containers, with data volumes"
                        : $"  Data        {settings.DataDirectory} (this machine's PostgreSQL and Redis)",
                    "  Ctrl-C stops everything.",
                    "",
                };
                Console.Out.WriteLine(string.Join(Environment.NewLine, lines));
                return Task.CompletedTask;
            });
        }
    }

    /// <summary>
    /// The dashboard's address as it was allocated (not always the configured one: tests randomise ports), with the browser
    /// token that signs a browser in; none when the dashboard is off.
    /// </summary>
    private static string? DashboardLoginUrl(IDistributedApplicationBuilder builder, IServiceProvider services)
    {
        var dashboard = services.GetRequiredService<DistributedApplicationModel>().Resources
            .OfType<IResourceWithEndpoints>()
            .FirstOrDefault(resource => resource.Name == DashboardResourceName);
        var endpoint = new[] { "https", "http" }
            .Select(name => dashboard?.GetEndpoint(name))
            .FirstOrDefault(candidate => candidate is { Exists: true, IsAllocated: true });
        if (endpoint is null)
        {
            return null;
        }

        return builder.Configuration["AppHost:BrowserToken"] is { Length: > 0 } token
            ? $"{endpoint.Url}/login?t={token}"
            : endpoint.Url;
    }

    /// <summary>Says that Ctrl-C was heard: stopping every process takes the orchestrator some seconds.</summary>
    public static DistributedApplication AnnounceStopping(this DistributedApplication app)
    {
        // Without a dashboard this is a test or a benchmark running the AppHost: nobody to tell.
        if (app.Services.GetRequiredService<DistributedApplicationOptions>().DisableDashboard)
        {
            return app;
        }

        var lifetime = app.Services.GetRequiredService<Microsoft.Extensions.Hosting.IHostApplicationLifetime>();
        lifetime.ApplicationStopping.Register(() => Console.Out.WriteLine("Stopping every resource; the AppHost exits once all of them have stopped..."));
        lifetime.ApplicationStopped.Register(() => Console.Out.WriteLine("Stopped."));
        return app;
    }
}
