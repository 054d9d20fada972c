using SocialEnterprise.Shared;

namespace SocialEnterprise.AppHost.Stores;

/// <summary>PostgreSQL with the <c>crmdb</c> database, and Redis: in containers where a runtime answers, else the machine's own.</summary>
internal static class Stores
{
    public static (IResourceBuilder<IResourceWithConnectionString> Database, IResourceBuilder<IResourceWithConnectionString> Cache) AddStores(
        this IDistributedApplicationBuilder builder, AppHostSettings settings)
    {
        if (settings.LocalServers != false)
        {
            var postgres = builder.AddLocalPostgres(
                Resources.Postgres, Path.Combine(settings.DataDirectory, Resources.Postgres), settings.PostgresPort, settings.Durable);
            var cache = builder.AddLocalRedis(
                Resources.Cache, Path.Combine(settings.DataDirectory, Resources.Cache), settings.CachePort, settings.Durable);
            return (postgres.AddDatabase(Resources.Database), cache);
        }

        var server = builder.AddPostgres(Resources.Postgres, port: settings.PostgresPort).WithDataVolume();
        var redis = builder.AddRedis(Resources.Cache, port: settings.CachePort).WithDataVolume();
        return (server.AddDatabase(Resources.Database), redis);
    }
}
