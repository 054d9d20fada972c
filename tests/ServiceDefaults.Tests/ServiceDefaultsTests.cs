using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace SocialEnterprise.ServiceDefaults.Tests;

/// <summary>The service defaults against real HTTP servers on loopback: discovery, resilience and OTLP export.</summary>
public sealed class ServiceDefaultsTests
{
    private readonly CancellationToken _cancellation = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_service_name_resolves_from_configuration_and_a_failed_GET_is_retried()
    {
        var calls = new ConcurrentQueue<string>();
        await using var upstream = await StartServerAsync(app => app.Run(async context =>
        {
            calls.Enqueue(context.Request.Method);
            context.Response.StatusCode = calls.Count == 1 ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK;
            await context.Response.WriteAsync("ok");
        }));
        using var host = ClientHost(upstream);

        var answer = await Client(host).GetStringAsync("http://api/status", _cancellation);

        Assert.Equal("ok", answer);
        Assert.Equal(["GET", "GET"], calls);
    }

    [Fact]
    public async Task A_failed_POST_is_not_retried_so_its_work_is_never_done_twice()
    {
        var calls = new ConcurrentQueue<string>();
        await using var upstream = await StartServerAsync(app => app.Run(context =>
        {
            calls.Enqueue(context.Request.Method);
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Task.CompletedTask;
        }));
        using var host = ClientHost(upstream);

        using var response = await Client(host).PostAsync("http://api/probes", null, _cancellation);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(["POST"], calls);
    }

    [Fact]
    public async Task Traces_are_exported_over_OTLP_when_an_endpoint_is_configured()
    {
        var exports = new ConcurrentQueue<(string Path, byte[] Body)>();
        await using var collector = await StartServerAsync(app => app.Run(async context =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            exports.Enqueue((context.Request.Path, body.ToArray()));
        }));

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Urls.Single();
        builder.Configuration["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
        builder.Configuration["OTEL_SERVICE_NAME"] = "otlp-probe-service";
        builder.Configuration["OTEL_BSP_SCHEDULE_DELAY"] = "100";
        builder.AddServiceDefaults();
        await using var app = builder.Build();
        app.MapGet("/traced", () => "traced");
        await app.StartAsync(_cancellation);

        using var http = new HttpClient();
        await http.GetStringAsync($"{app.Urls.Single()}/traced", _cancellation);

        await TestSupport.Eventually.TrueAsync(
            () => exports.Any(export => export.Path == "/v1/traces"
                                        && System.Text.Encoding.UTF8.GetString(export.Body).Contains("otlp-probe-service", StringComparison.Ordinal)),
            _cancellation);
    }

    private static async Task<WebApplication> StartServerAsync(Action<WebApplication> configure)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        configure(app);
        await app.StartAsync();
        return app;
    }

    private static IHost ClientHost(WebApplication upstream)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["services:api:http:0"] = upstream.Urls.Single();
        builder.AddServiceDefaults();
        return builder.Build();
    }

    private static HttpClient Client(IHost host) =>
        host.Services.GetRequiredService<IHttpClientFactory>().CreateClient();
}
