using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialEnterprise.Infrastructure.Customers;
using SocialEnterprise.Infrastructure.Persistence;
using SocialEnterprise.Shared;
using StackExchange.Redis;

namespace SocialEnterprise.Infrastructure.Caching;

public static class CrmCacheExtensions
{
    /// <summary>The name of Redis's health check (as Aspire's Redis integration names it).</summary>
    public const string HealthCheckName = "StackExchange.Redis";

    /// <summary>
    /// Registers Redis from <c>ConnectionStrings:cache</c> (what the AppHost injects) with Aspire's client integration —
    /// one multiplexer with tracing and a health check — tuned never to hold a request hostage and to reconnect in the
    /// background; an <see cref="IDistributedCache"/> over it that degrades to no cache while Redis is away and replays
    /// removals when it is back (<see cref="ResilientDistributedCache"/>, which Aspire does not cover), and the customer
    /// profile cache.
    /// </summary>
    public static TBuilder AddCrmCache<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        RequiredConnectionString.Of(builder.Configuration, Resources.Cache, "a Redis connection string such as 127.0.0.1:6379");

        builder.AddRedisClient(Resources.Cache, configureOptions: Tune);
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
        return builder;
    }

    /// <summary>Short timeouts and background reconnection, for tools and tests that connect by themselves.</summary>
    public static ConfigurationOptions RedisOptions(string connectionString)
    {
        var options = ConfigurationOptions.Parse(connectionString);
        Tune(options);
        return options;
    }

    /// <summary>Short timeouts and background reconnection: a cache must never hold a request hostage.</summary>
    private static void Tune(ConfigurationOptions options)
    {
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = 2_000;
        options.SyncTimeout = 1_000;
        options.AsyncTimeout = 1_000;
        options.ConnectRetry = 2;
        options.ReconnectRetryPolicy = new ExponentialRetry(deltaBackOffMilliseconds: 250, maxDeltaBackOffMilliseconds: 5_000);
    }
}
