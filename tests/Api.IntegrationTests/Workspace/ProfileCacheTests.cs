using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using SocialEnterprise.Api.IntegrationTests.Listening;
using SocialEnterprise.Contracts.Customers;
using SocialEnterprise.Contracts.Listening;
using SocialEnterprise.Domain.Customers;
using SocialEnterprise.Domain.Listening;
using SocialEnterprise.Infrastructure.Caching;
using SocialEnterprise.Infrastructure.Customers;
using SocialEnterprise.Infrastructure.Listening;
using SocialEnterprise.TestSupport;
using StackExchange.Redis;

namespace SocialEnterprise.Api.IntegrationTests.Workspace;

/// <summary>
/// Profile lookups go through Redis (cache-aside, with expiry), every change removes the cached profile, and with
/// Redis down the profile still comes, from PostgreSQL, and nothing stale survives the outage.
/// </summary>
public sealed class ProfileCacheTests(ProfileCacheFixture intake) : IClassFixture<ProfileCacheFixture>, IAsyncLifetime
{
    private readonly CancellationToken _cancellation = TestContext.Current.CancellationToken;
    private ConnectionMultiplexer? _redis;

    private IDatabase Redis => _redis!.GetDatabase();

    public async ValueTask InitializeAsync()
    {
        await intake.EnsureRedisRunningAsync();
        _redis = await ConnectionMultiplexer.ConnectAsync(CrmCacheExtensions.RedisOptions(intake.CacheConnectionString));
    }

    public async ValueTask DisposeAsync()
    {
        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_lookup_is_cached_with_an_expiry_served_from_the_cache_and_removed_by_every_change()
    {
        var email = $"{Guid.NewGuid():N}@example.com";
        var customer = await CustomerOfAsync("email", ChannelEvents.Event("My invoice is wrong, please correct it.", email, "Kai Cached", MessageKinds.Email, email: email));
        using var admin = intake.CreateClient();

        var key = $"se:{CustomerProfileCache.KeyOf(customer)}";
        var first = await CachedProfileAsync(admin, customer);
        var expiry = await Redis.KeyTimeToLiveAsync(key);
        Assert.InRange(expiry!.Value, TimeSpan.FromMinutes(4), CustomerProfileCache.Expiry);

        // Served from the cache: a change made behind the Api's back is not seen until the cached profile goes.
        await using (var db = intake.NewDbContext())
        {
            await db.Database.ExecuteSqlAsync($"UPDATE customers SET display_name = 'Renamed Behind' WHERE id = {customer}", _cancellation);
        }

        Assert.Equal(first.DisplayName, (await ProfileAsync(admin, customer)).DisplayName);

        // Consent recorded by staff removes it.
        var identity = Assert.Single(first.Identities);
        using (var consent = await admin.PutAsJsonAsync(
            $"api/customers/{customer}/identities/{identity.Id}/consent", new ConsentRequest(ConsentStatuses.Withdrawn, "asked by phone"), _cancellation))
        {
            consent.EnsureSuccessStatusCode();
        }

        Assert.False(await Redis.KeyExistsAsync(key));
        var afterConsent = await ProfileAsync(admin, customer);
        Assert.Equal("Renamed Behind", afterConsent.DisplayName);
        Assert.Equal(ConsentStatuses.Withdrawn, Assert.Single(afterConsent.Identities).Consent.Status);

        // A message carried by the Workers (here a new identity joining by email) removes it.
        Assert.True(await Redis.KeyExistsAsync(key));
        await CustomerOfAsync("chat", ChannelEvents.Event("Following up on my invoice email?", $"visitor-{Guid.NewGuid():N}"[..16], "Kai", MessageKinds.Chat, email: email));
        Assert.False(await Redis.KeyExistsAsync(key));
        Assert.Equal(["chat", "email"], (await ProfileAsync(admin, customer)).Identities.Select(i => i.Channel).Order(StringComparer.Ordinal));

        // A merge removes both customers' profiles, and so does its undo.
        var other = await CustomerOfAsync("x", ChannelEvents.Event("Where can I find the pricing for teams?", $"kai_{Guid.NewGuid():N}"[..14], "Kai Other"));
        await CachedProfileAsync(admin, other);
        var otherKey = $"se:{CustomerProfileCache.KeyOf(other)}";
        using var merged = await admin.PostAsJsonAsync("api/customers/merges", new MergeRequest(other, customer, null), _cancellation);
        merged.EnsureSuccessStatusCode();
        Assert.False(await Redis.KeyExistsAsync(key));
        Assert.False(await Redis.KeyExistsAsync(otherKey));
        Assert.Equal(3, (await ProfileAsync(admin, customer)).Identities.Count);
        var merge = (await merged.Content.ReadFromJsonAsync<MergeView>(_cancellation))!;
        using var undone = await admin.PostAsync($"api/customers/merges/{merge.Id}/undo", null, _cancellation);
        undone.EnsureSuccessStatusCode();
        Assert.False(await Redis.KeyExistsAsync(key));
        Assert.Equal(2, (await ProfileAsync(admin, customer)).Identities.Count);
    }

    [Fact]
    public async Task With_Redis_down_profiles_come_from_PostgreSQL_and_no_stale_profile_survives_the_outage()
    {
        var customer = await CustomerOfAsync("x", ChannelEvents.Event("The app crashes every time I log in", $"down_{Guid.NewGuid():N}"[..14], "Dee Down"));
        using var admin = intake.CreateClient();
        var cached = await CachedProfileAsync(admin, customer);

        await intake.StopRedisAsync();
        var identity = Assert.Single(cached.Identities);
        using (var consent = await admin.PutAsJsonAsync(
            $"api/customers/{customer}/identities/{identity.Id}/consent", new ConsentRequest(ConsentStatuses.Granted, "signed the form"), _cancellation))
        {
            consent.EnsureSuccessStatusCode();
        }

        var duringOutage = await ProfileAsync(admin, customer);
        Assert.Equal(ConsentStatuses.Granted, Assert.Single(duringOutage.Identities).Consent.Status);

        // Redis comes back with the old profile still in its append-only file: the removal made during the outage
        // is replayed, so the stale profile is never served.
        await intake.StartRedisAsync();
        await Eventually.TrueAsync(async () =>
        {
            var profile = await ProfileAsync(admin, customer);
            try
            {
                return await Redis.KeyExistsAsync($"se:{CustomerProfileCache.KeyOf(customer)}")
                    && Assert.Single(profile.Identities).Consent.Status == ConsentStatuses.Granted;
            }
            catch (RedisConnectionException)
            {
                // The test's own connection to the restarted Redis is still being re-established.
                return false;
            }
        }, _cancellation);
        Assert.Equal(ConsentStatuses.Granted, Assert.Single((await ProfileAsync(admin, customer)).Identities).Consent.Status);
    }

    private async Task<Guid> CustomerOfAsync(string channel, IngestEventRequest request)
    {
        var id = await intake.IngestAsync(channel, request, _cancellation);
        await intake.SettleAsync(_cancellation);
        return (await intake.ConversationAsync(await intake.ConversationOfAsync(id, _cancellation), _cancellation)).CustomerId;
    }

    /// <summary>
    /// Looks the profile up until Redis holds it: the Api's connection to Redis is made in the background, and until
    /// it is up a lookup reads PostgreSQL and caches nothing.
    /// </summary>
    private async Task<CustomerProfile> CachedProfileAsync(HttpClient client, Guid customer)
    {
        CustomerProfile? profile = null;
        await Eventually.TrueAsync(async () =>
        {
            profile = await ProfileAsync(client, customer);
            return await Redis.KeyExistsAsync($"se:{CustomerProfileCache.KeyOf(customer)}");
        }, _cancellation);
        return profile!;
    }

    private async Task<CustomerProfile> ProfileAsync(HttpClient client, Guid customer) =>
        (await client.GetFromJsonAsync<CustomerProfile>($"api/customers/{customer}", _cancellation))!;
}

/// <summary>An intake with a Redis of its own, so that stopping it disturbs no other test.</summary>
public sealed class ProfileCacheFixture : ListeningFixture
{
    private readonly RedisFixture _redis;
    private bool _running;

    public ProfileCacheFixture(PostgresFixture postgres)
        : this(postgres, new RedisFixture())
    {
    }

    private ProfileCacheFixture(PostgresFixture postgres, RedisFixture redis)
        : base(postgres, redis) => _redis = redis;

    public override async ValueTask InitializeAsync()
    {
        await _redis.InitializeAsync();
        _running = true;
        await base.InitializeAsync();
    }

    public async Task StopRedisAsync()
    {
        await _redis.StopAsync();
        _running = false;
    }

    public async Task StartRedisAsync()
    {
        await _redis.StartAsync();
        _running = true;
    }

    public async Task EnsureRedisRunningAsync()
    {
        if (!_running)
        {
            await StartRedisAsync();
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _redis.DisposeAsync();
    }
}
