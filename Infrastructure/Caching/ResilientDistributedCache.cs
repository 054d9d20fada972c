using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace SocialEnterprise.Infrastructure.Caching;

/// <summary>
/// The Redis cache, made safe to lose. When Redis is down or slow, reads are misses (callers go to PostgreSQL), writes
/// are skipped, and removals are remembered and replayed once Redis is back, so that a value changed during the
/// outage is never served stale afterwards. Nothing waits on a dead connection: while the multiplexer reports itself
/// disconnected, calls return at once.
/// </summary>
public sealed partial class ResilientDistributedCache : IDistributedCache
{
    private readonly IDistributedCache _redis;
    private readonly IConnectionMultiplexer _connection;
    private readonly ILogger<ResilientDistributedCache> _logger;
    private readonly ConcurrentDictionary<string, byte> _pendingRemovals = new();

    public ResilientDistributedCache(IDistributedCache redis, IConnectionMultiplexer connection, ILogger<ResilientDistributedCache> logger)
    {
        _redis = redis;
        _connection = connection;
        _logger = logger;
        _connection.ConnectionRestored += (_, _) => _ = ReplayPendingRemovalsAsync(CancellationToken.None);
    }

    /// <summary>Keys whose removal could not reach Redis yet.</summary>
    public int PendingRemovals => _pendingRemovals.Count;

    public byte[]? Get(string key) => GetAsync(key).GetAwaiter().GetResult();

    public async Task<byte[]?> GetAsync(string key, CancellationToken token = default)
    {
        if (!await IsUsableAsync(token) || _pendingRemovals.ContainsKey(key))
        {
            return null;
        }

        try
        {
            return await _redis.GetAsync(key, token);
        }
        catch (Exception exception) when (IsRedisFailure(exception))
        {
            LogDegraded(_logger, "read", key, exception.Message);
            return null;
        }
    }

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options) =>
        SetAsync(key, value, options).GetAwaiter().GetResult();

    public async Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
    {
        if (!await IsUsableAsync(token))
        {
            return;
        }

        try
        {
            await _redis.SetAsync(key, value, options, token);
        }
        catch (Exception exception) when (IsRedisFailure(exception))
        {
            LogDegraded(_logger, "write", key, exception.Message);
            // A half-written entry must not outlive the outage.
            _pendingRemovals.TryAdd(key, 0);
        }
    }

    public void Refresh(string key) => RefreshAsync(key).GetAwaiter().GetResult();

    public async Task RefreshAsync(string key, CancellationToken token = default)
    {
        if (!await IsUsableAsync(token))
        {
            return;
        }

        try
        {
            await _redis.RefreshAsync(key, token);
        }
        catch (Exception exception) when (IsRedisFailure(exception))
        {
            LogDegraded(_logger, "refresh", key, exception.Message);
        }
    }

    public void Remove(string key) => RemoveAsync(key).GetAwaiter().GetResult();

    public async Task RemoveAsync(string key, CancellationToken token = default)
    {
        // One DEL for this key; only a removal that could not reach Redis waits to be replayed. Keeping every key in
        // flight among the pending ones made each removal replay the others: 37 DELs for 10 keys removed together.
        if (!_connection.IsConnected || !await TryRemoveAsync(key, token))
        {
            _pendingRemovals.TryAdd(key, 0);
            return;
        }

        if (!_pendingRemovals.IsEmpty)
        {
            await ReplayPendingRemovalsAsync(token);
        }
    }

    private async Task<bool> IsUsableAsync(CancellationToken token)
    {
        if (!_connection.IsConnected)
        {
            return false;
        }

        if (!_pendingRemovals.IsEmpty)
        {
            await ReplayPendingRemovalsAsync(token);
        }

        return true;
    }

    private async Task ReplayPendingRemovalsAsync(CancellationToken token)
    {
        foreach (var key in _pendingRemovals.Keys)
        {
            if (!await TryRemoveAsync(key, token))
            {
                return;
            }
        }
    }

    private async Task<bool> TryRemoveAsync(string key, CancellationToken token)
    {
        try
        {
            await _redis.RemoveAsync(key, token);
            _pendingRemovals.TryRemove(key, out _);
            return true;
        }
        catch (Exception exception) when (IsRedisFailure(exception))
        {
            LogDegraded(_logger, "remove", key, exception.Message);
            return false;
        }
    }

    private static bool IsRedisFailure(Exception exception) =>
        exception is RedisException or TimeoutException or ObjectDisposedException or System.Net.Sockets.SocketException;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis unavailable for {Operation} of {Key}; working without the cache: {Reason}")]
    private static partial void LogDegraded(ILogger logger, string operation, string key, string reason);
}
