using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialEnterprise.Contracts.Events;
using SocialEnterprise.Infrastructure.Notifications;
using SocialEnterprise.Infrastructure.Persistence;

namespace SocialEnterprise.Infrastructure.Events;

/// <summary>Reads the event log in sequence order, then follows it as it grows.</summary>
public sealed class EventLogFollower(IServiceScopeFactory scopes, PostgresNotifications notifications)
{
    public const int BatchSize = 500;

    /// <summary>How long a follower waits for a notification before it looks anyway.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);

    /// <summary>The sequence number of the newest entry, or 0 when the log is empty.</summary>
    public async Task<long> HeadAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        return await db.EventLog.MaxAsync(entry => (long?)entry.Sequence, cancellationToken) ?? 0;
    }

    public async Task<IReadOnlyList<EventEnvelope>> ReadAfterAsync(long after, int max, CancellationToken cancellationToken)
    {
        // A follower's reads belong to no request: under a stream that lasts for hours they would pile up in its trace.
        // (Set here, the change does not leak out of this method.)
        Activity.Current = null;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var entries = await db.EventLog.AsNoTracking()
            .Where(entry => entry.Sequence > after)
            .OrderBy(entry => entry.Sequence)
            .Take(max)
            .ToListAsync(cancellationToken);
        return entries.ConvertAll(entry => entry.ToEnvelope());
    }

    /// <summary>Every entry after <paramref name="after"/>, in order, without end: new entries arrive as they are committed.</summary>
    public async IAsyncEnumerable<EventEnvelope> FollowAsync(long after, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var position = after;
        while (!cancellationToken.IsCancellationRequested)
        {
            var signal = notifications.NextSignal(NotificationChannels.EventLog);
            var batch = await ReadAfterAsync(position, BatchSize, cancellationToken);
            foreach (var envelope in batch)
            {
                position = envelope.Sequence;
                yield return envelope;
            }

            if (batch.Count < BatchSize)
            {
                await notifications.WaitAsync(signal, PollInterval, cancellationToken);
            }
        }
    }
}
