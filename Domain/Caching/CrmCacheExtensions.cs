using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialEnterprise.Domain.Customers;
using SocialEnterprise.Domain.Persistence;
using SocialEnterprise.Shared;
using StackExchange.Redis;

namespace SocialEnterprise.Domain.Caching;

public static class CrmCacheExtensions
{
    /// <summary>
    /// Registers Redis from <c>ConnectionStrings:cache</c> (what an Aspire AppHost injects): one multiplexer that
    /// never fails start-up and reconnects in the background, an <see cref="IDistributedCache"/> that degrades to no
    /// cache while Redis is away (<see cref="ResilientDistributedCache"/>), the customer profile cache over it, and a
    /// readiness check.
    /// </summary>
    public static TBuilder AddCrmCache<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var connectionString = RequiredConnectionString.Of(builder.Configuration, Resources.Cache, "a Redis connection string such as 127.0.0.1:6379");

        builder.Services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(RedisOptions(connectionString)));
        builder.Services.AddSingleton<IDistributedCache>(services =>
        {
            var connection = services.GetRequiredService<IConnectionMultiplexer>();
            var redis = new RedisCache(Options.Create(new RedisCacheOptions
            {
                ConnectionMultiplexerFactory = () => Task.FromResult(connection),
                InstanceName = "se:",
            }));
            return new ResilientDistributedCache(redis, connection, services.GetRequiredService<ILogger<ResilientDistributedCache>>());
        });

        builder.Services.AddSingleton<CustomerProfileCache>();
        builder.Services.AddHealthChecks().AddCheck<RedisHealthCheck>(Resources.Cache, tags: [CrmDatabaseExtensions.ReadyTag]);
        return builder;
    }

    /// <summary>Short timeouts and background reconnection: a cache must never hold a request hostage.</summary>
    public static ConfigurationOptions RedisOptions(string connectionString)
    {
        var options = ConfigurationOptions.Parse(connectionString);
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = 2_000;
        options.SyncTimeout = 1_000;
        options.AsyncTimeout = 1_000;
        options.ConnectRetry = 2;
        options.ReconnectRetryPolicy = new ExponentialRetry(deltaBackOffMilliseconds: 250, maxDeltaBackOffMilliseconds: 5_000);
        return options;
    }
}

/// <summary>Ready when Redis answers a PING.</summary>
public sealed class RedisHealthCheck(IConnectionMultiplexer connection) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!connection.IsConnected)
        {
            return HealthCheckResult.Unhealthy("Not connected to Redis; the services work from PostgreSQL until it is back.");
        }

        try
        {
            var latency = await connection.GetDatabase().PingAsync().WaitAsync(TimeSpan.FromSeconds(2), cancellationToken);
            return HealthCheckResult.Healthy($"PING answered in {latency.TotalMilliseconds:0.0} ms");
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("Redis did not answer PING.", exception);
        }
    }
}
