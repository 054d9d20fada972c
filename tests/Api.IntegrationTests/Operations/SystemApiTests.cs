using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using SocialEnterprise.Contracts.Operations;
using SocialEnterprise.Domain.Operations;
using SocialEnterprise.Infrastructure.Operations;
using SocialEnterprise.Shared;

namespace SocialEnterprise.Api.IntegrationTests.Operations;

public sealed class SystemApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private readonly CancellationToken _cancellation = TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/health")]
    [InlineData("/alive")]
    public async Task Health_endpoints_answer_anyone(string path)
    {
        using var client = api.CreateClient(key: null);

        using var response = await client.GetAsync(path, _cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(_cancellation));
    }

    [Fact]
    public async Task The_status_is_for_key_holders_only()
    {
        using var client = api.CreateClient(key: null);

        using var response = await client.GetAsync("api/system/status", _cancellation);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_status_reports_each_dependency_and_the_workers_by_their_heartbeats()
    {
        using var client = api.CreateClient();
        await using (var db = api.NewDbContext())
        {
            await db.ServiceHeartbeats.ExecuteDeleteAsync(_cancellation);
        }

        var withoutWorkers = await client.GetFromJsonAsync<SystemStatus>("api/system/status", _cancellation);

        await using (var db = api.NewDbContext())
        {
            var now = DateTimeOffset.UtcNow;
            var alive = new ServiceHeartbeat(Resources.Workers, "alive/1", now.AddMinutes(-5));
            alive.Beat(now, "Healthy");
            var gone = new ServiceHeartbeat(Resources.Workers, "gone/2", now.AddMinutes(-30));
            gone.Beat(now.AddMinutes(-10), "Healthy");
            db.ServiceHeartbeats.AddRange(alive, gone);
            await db.SaveChangesAsync(_cancellation);
        }

        var withWorkers = await client.GetFromJsonAsync<SystemStatus>("api/system/status", _cancellation);

        Assert.Equal("Healthy", Component(withoutWorkers, Resources.Postgres).Status);
        Assert.Equal("Healthy", Component(withoutWorkers, Resources.Cache).Status);
        Assert.Equal("Healthy", Component(withoutWorkers, Resources.Api).Status);
        Assert.Equal("Unhealthy", Component(withoutWorkers, Resources.Workers).Status);

        var workers = Component(withWorkers, Resources.Workers);
        Assert.Equal("Healthy", workers.Status);
        Assert.Equal(
            [("alive/1", "Healthy"), ("gone/2", "Gone")],
            workers.Instances!.Select(instance => (instance.Instance, instance.Status)));
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_endpoints()
    {
        using var client = api.CreateClient(key: null);

        var document = await client.GetStringAsync("/openapi/v1.json", _cancellation);

        Assert.Contains("/api/probes", document, StringComparison.Ordinal);
        Assert.Contains("/api/system/status", document, StringComparison.Ordinal);
    }

    private static ComponentStatus Component(SystemStatus? status, string name) =>
        Assert.Single(status!.Components, component => component.Name == name);
}
