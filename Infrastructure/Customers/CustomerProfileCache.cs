using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Distributed;
using SocialEnterprise.Contracts.Customers;
using SocialEnterprise.Contracts.Events;
using SocialEnterprise.Infrastructure.Persistence;

namespace SocialEnterprise.Infrastructure.Customers;

/// <summary>
/// Customer profiles (the customer and every identity) cache-aside in Redis: read from the cache, else from
/// PostgreSQL and put in the cache for <see cref="Expiry"/>. Whatever changes a profile (a new or updated identity,
/// consent, a merge or its undo) removes it. With Redis away every lookup reads PostgreSQL.
/// </summary>
public sealed class CustomerProfileCache(IDistributedCache cache)
{
    /// <summary>
    /// Bounds how long a profile could be served stale if a change raced a lookup (read old, change, remove, put old).
    /// </summary>
    public static readonly TimeSpan Expiry = TimeSpan.FromMinutes(5);

    public static string KeyOf(Guid customerId) => $"customer-profile:{customerId:N}";

    /// <summary>The customer's profile, or null when there is no such customer.</summary>
    public async Task<CustomerCore?> GetAsync(Guid customerId, CrmDbContext db, CancellationToken cancellationToken)
    {
        var cached = await cache.GetAsync(KeyOf(customerId), cancellationToken);
        if (cached is not null)
        {
            return JsonSerializer.Deserialize<CustomerCore>(cached, EventTypes.SerializerOptions);
        }

        var profile = await ReadAsync(customerId, db, cancellationToken);
        if (profile is not null)
        {
            await cache.SetAsync(
                KeyOf(customerId), JsonSerializer.SerializeToUtf8Bytes(profile, EventTypes.SerializerOptions),
                new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = Expiry }, cancellationToken);
        }

        return profile;
    }

    public async Task InvalidateAsync(IEnumerable<Guid> customerIds, CancellationToken cancellationToken)
    {
        // Together: the Redis client pipelines them on its one connection instead of a round trip each in turn.
        await Task.WhenAll(customerIds.Distinct().Select(customerId => cache.RemoveAsync(KeyOf(customerId), cancellationToken)));
    }

    /// <summary>The profile straight from PostgreSQL.</summary>
    public static async Task<CustomerCore?> ReadAsync(Guid customerId, CrmDbContext db, CancellationToken cancellationToken)
    {
        var customer = await db.Customers.AsNoTracking().SingleOrDefaultAsync(c => c.Id == customerId, cancellationToken);
        if (customer is null)
        {
            return null;
        }

        var identities = await db.CustomerIdentities.AsNoTracking()
            .Where(i => i.CustomerId == customerId)
            .OrderBy(i => i.FirstSeenAt).ThenBy(i => i.Id)
            .ToListAsync(cancellationToken);
        return new CustomerCore(
            customer.Id, customer.DisplayName, customer.Email, customer.Tier, customer.Influence, customer.CreatedAt, customer.MergedIntoId,
            identities.ConvertAll(CustomerViews.IdentityView));
    }
}
