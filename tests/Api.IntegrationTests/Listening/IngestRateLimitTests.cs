using System.Net;
using Microsoft.EntityFrameworkCore;
using SocialEnterprise.TestSupport;

namespace SocialEnterprise.Api.IntegrationTests.Listening;

/// <summary>A channel that sends faster than its rate is refused with 429 and a Retry-After, per channel, storing nothing.</summary>
public sealed class IngestRateLimitTests(IngestRateLimitTests.SlowChannelsApi api) : IClassFixture<IngestRateLimitTests.SlowChannelsApi>
{
    private readonly CancellationToken _cancellation = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_channel_over_its_rate_gets_429_and_another_channel_is_unaffected()
    {
        using var client = api.CreateClient(key: null);
        var statuses = new List<HttpStatusCode>();
        var refused = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            var request = ChannelEvents.Event($"message {i}: where is my order?");
            using var response = await client.PostEventAsync("reviews", request, ApiFixture.ChannelSecret, _cancellation);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refused.Add(request.ExternalId!);
                Assert.Equal("1", response.Headers.RetryAfter?.ToString());
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }
        }

        using var otherChannel = await client.PostEventAsync("x", ChannelEvents.Event("another channel"), ApiFixture.ChannelSecret, _cancellation);

        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.Accepted], statuses.Take(3));
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.Equal(HttpStatusCode.Accepted, otherChannel.StatusCode);
        await using var db = api.NewDbContext();
        Assert.False(await db.IngestEvents.AnyAsync(e => refused.Contains(e.ExternalId), _cancellation));
    }

    /// <summary>The Api with a rate a test can exceed: three events at once, then one a second per channel.</summary>
    public sealed class SlowChannelsApi(PostgresFixture postgres, RedisFixture redis) : ApiFixture(postgres, redis)
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
        [
            new("Ingest:Burst", "3"),
            new("Ingest:PermitsPerSecond", "1"),
        ];
    }
}
