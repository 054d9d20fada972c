using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Postgres;
using SocialEnterprise.AppHost.Stores;
using SocialEnterprise.Shared;

namespace SocialEnterprise.AppHost.Tests;

/// <summary>The one description of the running system: which resources exist, how they are wired, with what settings.</summary>
public sealed class AppHostModelTests
{
    private static readonly string[] Services = [Resources.Api, Resources.Workers, Resources.Web];

    [Fact]
    public async Task Without_containers_PostgreSQL_and_Redis_are_the_machines_own_servers_on_the_documented_ports()
    {
        await using var model = await AppHostModel.BuildAsync("--AppHost:LocalServers=true");

        var postgres = model.Resource<LocalPostgresServerResource>(Resources.Postgres);
        var database = model.Resource<LocalPostgresDatabaseResource>(Resources.Database);
        var cache = model.Resource<LocalRedisResource>(Resources.Cache);
        Assert.Same(postgres, database.Parent);
        Assert.Equal((DefaultPorts.Postgres, false), Endpoint(postgres));
        Assert.Equal((DefaultPorts.Cache, false), Endpoint(cache));
        Assert.Contains(postgres.Annotations.OfType<HealthCheckAnnotation>(), _ => true);
        Assert.Contains(database.Annotations.OfType<HealthCheckAnnotation>(), _ => true);
        Assert.Contains(cache.Annotations.OfType<HealthCheckAnnotation>(), _ => true);
        var arguments = await model.ArgumentsOfAsync(Resources.Postgres);
        Assert.Contains("listen_addresses=127.0.0.1", arguments);
        Assert.DoesNotContain("fsync=off", arguments);
    }

    [Fact]
    public async Task With_a_container_runtime_PostgreSQL_and_Redis_are_containers_with_data_volumes()
    {
        await using var model = await AppHostModel.BuildAsync("--AppHost:LocalServers=false");

        var postgres = model.Resource<PostgresServerResource>(Resources.Postgres);
        var cache = model.Resource<RedisResource>(Resources.Cache);
        Assert.IsType<PostgresDatabaseResource>(model.Resource<IResource>(Resources.Database));
        Assert.Contains(postgres.Annotations.OfType<ContainerMountAnnotation>(), mount => mount.Type == ContainerMountType.Volume);
        Assert.Contains(cache.Annotations.OfType<ContainerMountAnnotation>(), mount => mount.Type == ContainerMountType.Volume);
    }

    [Fact]
    public async Task Throw_away_stacks_run_PostgreSQL_without_fsync_on_the_ports_they_are_given()
    {
        await using var model = await AppHostModel.BuildAsync(
            "--AppHost:LocalServers=true", "--AppHost:Durable=false", "--AppHost:PostgresPort=45432", "--AppHost:CachePort=46379");

        Assert.Contains("fsync=off", await model.ArgumentsOfAsync(Resources.Postgres));
        Assert.Equal((45432, false), Endpoint(model.Resource<LocalPostgresServerResource>(Resources.Postgres)));
        Assert.Equal((46379, false), Endpoint(model.Resource<LocalRedisResource>(Resources.Cache)));
    }

    [Fact]
    public async Task The_services_keep_their_documented_ports_and_wait_for_what_they_need()
    {
        await using var model = await AppHostModel.BuildAsync("--AppHost:LocalServers=true");

        // Listening themselves (no proxy in front): the client's own address reaches the sign-in limit and the audit log.
        Assert.Equal((DefaultPorts.Api, false), Endpoint(model.Resource<ProjectResource>(Resources.Api)));
        Assert.Equal((DefaultPorts.Workers, false), Endpoint(model.Resource<ProjectResource>(Resources.Workers)));
        Assert.Equal((DefaultPorts.Web, false), Endpoint(model.Resource<ProjectResource>(Resources.Web)));
        Assert.Superset(new HashSet<string> { Resources.Database, Resources.Cache }, WaitsFor(model, Resources.Api));
        // The Api applies the migrations: the Workers start on a migrated database.
        Assert.Superset(new HashSet<string> { Resources.Database, Resources.Cache, Resources.Api }, WaitsFor(model, Resources.Workers));
        // The workspace talks to the Api, and reads only the staff tables itself: it has no use for the cache.
        Assert.Contains(Resources.Api, WaitsFor(model, Resources.Web));
        Assert.DoesNotContain(Resources.Cache, WaitsFor(model, Resources.Web));
        foreach (var service in Services)
        {
            Assert.Contains(model.Resource<ProjectResource>(service).Annotations.OfType<HealthCheckAnnotation>(), _ => true);
        }
    }

    [Fact]
    public async Task Several_Workers_share_the_queues_behind_the_documented_port()
    {
        await using var single = await AppHostModel.BuildAsync("--AppHost:LocalServers=true");
        await using var model = await AppHostModel.BuildAsync("--AppHost:LocalServers=true", "--AppHost:WorkersReplicas=2");

        Assert.Equal(1, single.Resource<ProjectResource>(Resources.Workers).Annotations.OfType<ReplicaAnnotation>().Single().Replicas);
        var workers = model.Resource<ProjectResource>(Resources.Workers);
        Assert.Equal(2, workers.Annotations.OfType<ReplicaAnnotation>().Single().Replicas);
        // Two processes cannot listen on one port: the AppHost's proxy does, in front of both.
        Assert.Equal((DefaultPorts.Workers, true), Endpoint(workers));
        // Each one's carrying loops take their share of the intake's partitions.
        Assert.Equal("2", (await model.EnvironmentOfAsync(Resources.Workers))["Intake__Replicas"]);
    }

    [Fact]
    public async Task In_development_replies_go_to_the_channel_sandbox_with_the_documented_secrets()
    {
        await using var model = await AppHostModel.BuildAsync("--AppHost:LocalServers=true");

        var workers = await model.EnvironmentOfAsync(Resources.Workers);
        var sandbox = model.Resource<ProjectResource>(Resources.Channels);
        foreach (var channel in IngestSettings.Channels)
        {
            var url = Assert.IsType<ReferenceExpression>(workers[OutboundSettings.UrlOf(channel)]);
            Assert.Equal($"{{0}}/channels/{channel}", url.Format);
            Assert.Same(sandbox, Assert.IsType<EndpointReference>(Assert.Single(url.ValueProviders)).Resource);
            Assert.Equal(OutboundSettings.DevSecret, await ValueAsync(workers[OutboundSettings.SecretOf(channel)]));
        }

        var api = await model.EnvironmentOfAsync(Resources.Api);
        foreach (var channel in IngestSettings.Channels)
        {
            Assert.Equal(IngestSettings.DevSecret, await ValueAsync(api[IngestSettings.SecretOf(channel)]));
        }

        Assert.Equal(AccessSettings.DevAdminKey, await ValueAsync(api[AccessSettings.SeedAdminKey]));
        Assert.Equal("true", api[AccessSettings.SeedDemoCompany]);
        // Anyone could claim any address through X-Forwarded-For if the services trusted it: nothing in front of them adds it.
        foreach (var service in Services)
        {
            Assert.DoesNotContain("ASPNETCORE_FORWARDEDHEADERS_ENABLED", (await model.EnvironmentOfAsync(service)).Keys);
        }
    }

    [Fact]
    public async Task Outside_development_there_is_no_sandbox_no_demo_company_and_no_documented_secret()
    {
        await using var model = await AppHostModel.BuildAsync("--AppHost:LocalServers=true", "--environment=Production");

        Assert.False(model.Has(Resources.Channels));
        var api = await model.EnvironmentOfAsync(Resources.Api);
        Assert.Equal("false", api[AccessSettings.SeedDemoCompany]);
        foreach (var secret in new[] { IngestSettings.SecretOf(IngestSettings.X), AccessSettings.SeedAdminKey })
        {
            var parameter = Assert.IsType<ParameterResource>(api[secret]);
            Assert.True(parameter.Secret);
            Assert.NotNull(parameter.Default);
        }

        Assert.DoesNotContain(OutboundSettings.UrlOf(IngestSettings.X), (await model.EnvironmentOfAsync(Resources.Workers)).Keys);
    }

    [Fact]
    public async Task The_simulator_waits_for_a_start_from_the_dashboard_unless_asked_to_simulate()
    {
        await using (var waiting = await AppHostModel.BuildAsync("--AppHost:LocalServers=true"))
        {
            Assert.Contains(waiting.Resource<ProjectResource>(Resources.Simulator).Annotations.OfType<ExplicitStartupAnnotation>(), _ => true);
        }

        await using var simulating = await AppHostModel.BuildAsync("--AppHost:LocalServers=true", "--AppHost:Simulate=2.5");
        Assert.DoesNotContain(simulating.Resource<ProjectResource>(Resources.Simulator).Annotations.OfType<ExplicitStartupAnnotation>(), _ => true);
        Assert.Equal(["--rate", "2.5"], await simulating.ArgumentsOfAsync(Resources.Simulator));
        Assert.Equal(new HashSet<string> { Resources.Api }, WaitsFor(simulating, Resources.Simulator));
    }

    [Fact]
    public async Task Operators_find_their_commands_on_the_resources_they_concern()
    {
        await using var model = await AppHostModel.BuildAsync("--AppHost:LocalServers=true");

        Assert.Contains("send-probe", Commands(model, Resources.Api));
        Assert.Contains("replay-parked", Commands(model, Resources.Workers));
        Assert.Contains("fail-next", Commands(model, Resources.Channels));
    }

    [Theory]
    [InlineData("--AppHost:PostgresPort=70000", "AppHost:PostgresPort")]
    [InlineData("--AppHost:WebPort=0", "AppHost:WebPort")]
    [InlineData("--AppHost:CachePort=cache", "AppHost:CachePort")]
    [InlineData("--AppHost:LocalServers=maybe", "AppHost:LocalServers")]
    [InlineData("--AppHost:Simulate=-3", "AppHost:Simulate")]
    [InlineData("--AppHost:WorkersReplicas=0", "AppHost:WorkersReplicas")]
    public async Task A_wrong_setting_stops_the_AppHost_naming_it(string argument, string setting)
    {
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => AppHostModel.BuildAsync(argument));

        Assert.Contains(setting, Innermost(refused).Message, StringComparison.Ordinal);
    }

    private static (int? Port, bool Proxied) Endpoint(IResource resource)
    {
        var endpoint = Assert.Single(resource.Annotations.OfType<EndpointAnnotation>());
        return (endpoint.Port, endpoint.IsProxied);
    }

    private static HashSet<string> WaitsFor(AppHostModel model, string name) =>
        model.Resource<IResource>(name).Annotations.OfType<WaitAnnotation>().Select(wait => wait.Resource.Name).ToHashSet();

    private static List<string> Commands(AppHostModel model, string name) =>
        model.Resource<IResource>(name).Annotations.OfType<ResourceCommandAnnotation>().Select(command => command.Name).ToList();

    private static async Task<string?> ValueAsync(object value) => value switch
    {
        string text => text,
        IValueProvider provider => await provider.GetValueAsync(TestContext.Current.CancellationToken),
        _ => throw new InvalidOperationException($"Not a value: {value.GetType().Name}"),
    };

    private static Exception Innermost(Exception exception) => exception.InnerException is { } inner ? Innermost(inner) : exception;
}
