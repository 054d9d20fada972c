using System.Diagnostics;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SocialEnterprise.Contracts.Customers;
using SocialEnterprise.Infrastructure.Caching;
using SocialEnterprise.Infrastructure.Customers;
using SocialEnterprise.Infrastructure.Persistence;
using SocialEnterprise.Simulator.Measuring;
using StackExchange.Redis;

namespace SocialEnterprise.WorkspaceBenchmark;

/// <summary>
/// The customer profile cache in this process, against the stack's own Redis and PostgreSQL, built as the services
/// build it (<see cref="CrmCacheExtensions"/>): every lookup with a DbContext of its own, as a request has.
/// </summary>
public sealed class ProfileLookups(string databaseConnectionString, string cacheConnectionString)
{
    public sealed record Figures(LatencySummary Missed, LatencySummary Cached, LatencySummary Uncached, int NotFound);

    public async Task<Figures> MeasureAsync(IReadOnlyList<Guid> customers, CancellationToken cancellationToken)
    {
        using var connection = await ConnectionMultiplexer.ConnectAsync(CrmCacheExtensions.RedisOptions(cacheConnectionString));
        var redis = new RedisCache(Options.Create(new RedisCacheOptions
        {
            ConnectionMultiplexerFactory = () => Task.FromResult<IConnectionMultiplexer>(connection),
            InstanceName = "se:",
        }));
        var cache = new ResilientDistributedCache(redis, connection, NullLogger<ResilientDistributedCache>.Instance);
        var profiles = new CustomerProfileCache(cache);
        var options = CrmDatabaseExtensions.CrmDatabaseOptions(databaseConnectionString);

        // A kept data folder keeps Redis's data too: start from no cached profile.
        await profiles.InvalidateAsync(customers, cancellationToken);
        var notFound = 0;

        async Task<double> TimeAsync(Func<CrmDbContext, Task<CustomerCore?>> lookup)
        {
            await using var db = new CrmDbContext(options);
            var started = Stopwatch.GetTimestamp();
            var profile = await lookup(db);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (profile is null)
            {
                Interlocked.Increment(ref notFound);
            }

            return elapsed;
        }

        // Warm-up on other customers' keys is not possible without touching the measured ones, so the JIT and pools
        // warm up on the first customers, whose keys are removed again.
        foreach (var customer in customers.Take(50))
        {
            await TimeAsync(db => profiles.GetAsync(customer, db, cancellationToken));
            await TimeAsync(db => CustomerProfileCache.ReadAsync(customer, db, cancellationToken));
        }

        await profiles.InvalidateAsync(customers.Take(50), cancellationToken);
        notFound = 0;

        var missed = new List<double>(customers.Count);
        var cached = new List<double>(customers.Count);
        var uncached = new List<double>(customers.Count);
        foreach (var customer in customers)
        {
            missed.Add(await TimeAsync(db => profiles.GetAsync(customer, db, cancellationToken)));
        }

        foreach (var customer in customers)
        {
            cached.Add(await TimeAsync(db => profiles.GetAsync(customer, db, cancellationToken)));
        }

        foreach (var customer in customers)
        {
            uncached.Add(await TimeAsync(db => CustomerProfileCache.ReadAsync(customer, db, cancellationToken)));
        }

        return new Figures(LatencySummary.Of(missed), LatencySummary.Of(cached), LatencySummary.Of(uncached), notFound);
    }
}
