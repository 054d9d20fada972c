using System.Diagnostics;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using SocialEnterprise.Infrastructure.Caching;
using SocialEnterprise.Shared;
using SocialEnterprise.TestSupport;
using StackExchange.Redis;

namespace SocialEnterprise.Api.IntegrationTests.Caching;

/// <summary>The cache against a Redis of its own, which these tests stop and start again.</summary>
public sealed class ResilientDistributedCacheTests(RedisOutageFixture redis) : IClassFixture<RedisOutageFixture>, IAsyncLifetime
{
    private readonly CancellationToken _cancellation = TestContext.Current.CancellationToken;
    private IHost _host = null!;

    private IDistributedCache Cache => _host.Services.GetRequiredService<IDistributedCache>();

    private IConnectionMultiplexer Connection => _host.Services.GetRequiredService<IConnectionMultiplexer>();

    public async ValueTask InitializeAsync()
    {
        await redis.EnsureRunningAsync();
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration[$"ConnectionStrings:{Resources.Cache}"] = redis.ConnectionString;
        builder.AddCrmCache();
        _host = builder.Build();
    }

    [Fact]
    public async Task Values_are_stored_read_and_removed()
    {
        var key = NewKey();

        await Cache.SetStringAsync(key, "Ada Lovelace", _cancellation);
        var stored = await Cache.GetStringAsync(key, _cancellation);
        await Cache.RemoveAsync(key, _cancellation);

        Assert.Equal("Ada Lovelace", stored);
        Assert.Null(await Cache.GetStringAsync(key, _cancellation));
    }

    [Fact]
    public async Task Each_removal_reaches_Redis_once()
    {
        var keys = Enumerable.Range(0, 10).Select(_ => NewKey()).ToList();
        foreach (var key in keys)
        {
            await Cache.SetStringAsync(key, "profile", _cancellation);
        }

        var before = await DeletesAsync();
        await Task.WhenAll(keys.Select(key => Cache.RemoveAsync(key, _cancellation)));

        Assert.Equal(keys.Count, await DeletesAsync() - before);
        Assert.All(keys, key => Assert.False(Connection.GetDatabase().KeyExists($"se:{key}")));
    }

    [Fact]
    public async Task Entries_expire()
    {
        var key = NewKey();

        await Cache.SetStringAsync(key, "short-lived", new DistributedCacheEntryOptions
        {
            // Redis expiries are whole seconds (RedisCache rounds down): shorter would expire at once.
            AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(2),
        }, _cancellation);

        Assert.Equal("short-lived", await Cache.GetStringAsync(key, _cancellation));
        await Eventually.TrueAsync(async () => await Cache.GetStringAsync(key, _cancellation) is null, _cancellation);
    }

    [Fact]
    public async Task While_Redis_is_down_reads_miss_at_once_writes_are_skipped_and_health_says_so()
    {
        var key = NewKey();
        await Cache.SetStringAsync(key, "before the outage", _cancellation);

        await redis.StopAsync();
        await Eventually.TrueAsync(() => !Connection.IsConnected, _cancellation);
        var clock = Stopwatch.StartNew();
        var read = await Cache.GetStringAsync(key, _cancellation);
        await Cache.SetStringAsync(NewKey(), "during the outage", _cancellation);
        clock.Stop();
        var health = await _host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(_cancellation);

        Assert.Null(read);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"A dead cache must not hold requests ({clock.Elapsed}).");
        Assert.Equal(HealthStatus.Unhealthy, health.Entries[CrmCacheExtensions.HealthCheckName].Status);
    }

    [Fact]
    public async Task A_removal_made_during_an_outage_is_replayed_once_Redis_is_back()
    {
        var key = NewKey();
        await Cache.SetStringAsync(key, "stale after the change", _cancellation);
        await redis.StopAsync();
        await Eventually.TrueAsync(() => !Connection.IsConnected, _cancellation);

        await Cache.RemoveAsync(key, _cancellation);
        Assert.Equal(1, ((ResilientDistributedCache)Cache).PendingRemovals);

        // Redis keeps its data across the restart (append-only file), so without the replay the stale value would be served.
        await redis.StartAsync();
        await Eventually.TrueAsync(() => Connection.IsConnected, _cancellation);
        await Eventually.TrueAsync(() => ((ResilientDistributedCache)Cache).PendingRemovals == 0, _cancellation);

        Assert.Null(await Cache.GetStringAsync(key, _cancellation));
        Assert.False(await Connection.GetDatabase().KeyExistsAsync($"se:{key}"));
        var health = await _host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(_cancellation);
        Assert.Equal(HealthStatus.Healthy, health.Entries[CrmCacheExtensions.HealthCheckName].Status);
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
    }

    private static string NewKey() => $"customer/{Guid.NewGuid():N}";

    /// <summary>DEL and UNLINK commands Redis has run, from its own command statistics.</summary>
    private async Task<long> DeletesAsync()
    {
        await using var admin = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString + ",allowAdmin=true");
        var server = admin.GetServer(admin.GetEndPoints()[0]);
        var stats = (await server.InfoAsync("commandstats")).SelectMany(group => group);
        return stats.Where(stat => stat.Key is "cmdstat_del" or "cmdstat_unlink")
            .Sum(stat => long.Parse(stat.Value.Split(',')[0]["calls=".Length..], System.Globalization.CultureInfo.InvariantCulture));
    }
}

/// <summary>A Redis that only the outage tests use, so that stopping it disturbs nobody else.</summary>
public sealed class RedisOutageFixture : IAsyncLifetime
{
    private readonly RedisFixture _redis = new();
    private bool _running;

    public string ConnectionString => _redis.ConnectionString;

    public async ValueTask InitializeAsync()
    {
        await _redis.InitializeAsync();
        _running = true;
    }

    public async Task EnsureRunningAsync()
    {
        if (!_running)
        {
            await StartAsync();
        }
    }

    public async Task StartAsync()
    {
        await _redis.StartAsync();
        _running = true;
    }

    public async Task StopAsync()
    {
        await _redis.StopAsync();
        _running = false;
    }

    public ValueTask DisposeAsync() => _redis.DisposeAsync();
}
