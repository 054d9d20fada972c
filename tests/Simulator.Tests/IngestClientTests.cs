using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using SocialEnterprise.Contracts.Listening;
using SocialEnterprise.Simulator.Sending;
using SocialEnterprise.Simulator.Traffic;

namespace SocialEnterprise.Simulator.Tests;

/// <summary>The client against a real HTTP server on loopback that checks signatures the way the ingest contract says.</summary>
public sealed class IngestClientTests : IAsyncLifetime
{
    private const string Secret = "dev-secret";

    private readonly CancellationToken _cancellation = TestContext.Current.CancellationToken;
    private readonly ConcurrentDictionary<(string Channel, string ExternalId), Guid> _stored = new();
    private readonly ConcurrentQueue<string> _calls = new();
    private readonly TrafficGenerator _generator = new(21, "client", TimeProvider.System);
    private int _throttleNext;
    private WebApplication _server = null!;
    private HttpClient _http = null!;

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _server = builder.Build();
        _server.MapPost("/api/ingest/{channel}", async (string channel, HttpContext context) =>
        {
            _calls.Enqueue(channel);
            if (Interlocked.Exchange(ref _throttleNext, 0) == 1)
            {
                context.Response.Headers.RetryAfter = "0";
                return Results.StatusCode(StatusCodes.Status429TooManyRequests);
            }

            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            if (!IngestSignature.IsValid(Secret, body.ToArray(), context.Request.Headers[IngestSignature.HeaderName]))
            {
                return Results.Unauthorized();
            }

            var request = JsonSerializer.Deserialize<IngestEventRequest>(body.ToArray(), JsonSerializerOptions.Web)!;
            if (request.ExternalId is null || request.Author?.Handle is null || request.OccurredAt is null || !MessageKinds.All.Contains(request.Kind!))
            {
                return Results.BadRequest();
            }

            var id = Guid.NewGuid();
            var stored = _stored.GetOrAdd((channel, request.ExternalId), id);
            return stored == id
                ? Results.Json(new IngestAccepted(id, false), statusCode: StatusCodes.Status202Accepted)
                : Results.Json(new IngestAccepted(stored, true), statusCode: StatusCodes.Status200OK);
        });
        await _server.StartAsync(_cancellation);
        _http = new HttpClient();
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task A_signed_event_is_accepted_and_the_same_one_again_is_a_duplicate()
    {
        var client = Client(Secret);
        var simulated = _generator.Next();

        var first = await client.SendAsync(simulated, _cancellation);
        var again = await client.SendAsync(simulated, _cancellation);

        Assert.Equal((202, false, 1, 0), (first.Status, first.Duplicate, first.Attempts, first.Throttled));
        Assert.True(first.Accepted);
        Assert.NotNull(first.Id);
        Assert.True(first.Elapsed > TimeSpan.Zero);
        Assert.Equal((200, true, first.Id), (again.Status, again.Duplicate, again.Id));
        Assert.Equal([simulated.Channel, simulated.Channel], _calls);
    }

    [Fact]
    public async Task Events_of_every_channel_reach_their_channels_endpoint()
    {
        var client = Client(Secret);
        var events = Enumerable.Range(0, 300).Select(_ => _generator.Next()).ToList();

        var results = await Task.WhenAll(events.Select(e => client.SendAsync(e, _cancellation)));

        Assert.All(results, result => Assert.Equal(202, result.Status));
        Assert.Equal(IngestChannels.All.Order(), _calls.Distinct().Order());
    }

    [Fact]
    public async Task A_wrong_secret_is_refused_with_401()
    {
        var result = await Client("not-the-secret").SendAsync(_generator.Next(), _cancellation);

        Assert.Equal(401, result.Status);
        Assert.False(result.Accepted);
    }

    [Fact]
    public async Task A_429_is_waited_out_as_its_Retry_After_asks_and_sent_again()
    {
        _throttleNext = 1;

        var result = await Client(Secret).SendAsync(_generator.Next(), _cancellation);

        Assert.Equal((202, 2, 1), (result.Status, result.Attempts, result.Throttled));
        Assert.Equal(2, _calls.Count);
    }

    [Fact]
    public async Task A_429_is_reported_when_no_attempts_are_left()
    {
        _throttleNext = 1;

        var result = await Client(Secret, maxAttempts: 1).SendAsync(_generator.Next(), _cancellation);

        Assert.Equal((429, 1, 1), (result.Status, result.Attempts, result.Throttled));
    }

    [Fact]
    public async Task An_Api_that_does_not_answer_is_recorded_as_no_answer()
    {
        var closed = new Uri($"http://127.0.0.1:{SocialEnterprise.LocalServers.FreePort.Next()}/");

        var result = await new IngestClient(_http, closed, Secret, TimeProvider.System).SendAsync(_generator.Next(), _cancellation);

        Assert.Equal(IngestResult.NoAnswer, result.Status);
    }

    [Fact]
    public void Retry_After_is_read_as_seconds_or_a_date_and_kept_within_bounds()
    {
        var now = new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

        Assert.Equal(TimeSpan.FromSeconds(3), IngestClient.RetryDelay(new RetryConditionHeaderValue(TimeSpan.FromSeconds(3)), now));
        Assert.Equal(TimeSpan.FromSeconds(10), IngestClient.RetryDelay(new RetryConditionHeaderValue(now.AddSeconds(10)), now));
        Assert.Equal(TimeSpan.Zero, IngestClient.RetryDelay(new RetryConditionHeaderValue(now.AddSeconds(-10)), now));
        Assert.Equal(IngestClient.LongestWait, IngestClient.RetryDelay(new RetryConditionHeaderValue(TimeSpan.FromHours(1)), now));
        Assert.Equal(TimeSpan.FromSeconds(1), IngestClient.RetryDelay(null, now));
    }

    private IngestClient Client(string secret, int maxAttempts = 4) =>
        new(_http, new Uri(_server.Urls.Single()), secret, TimeProvider.System, maxAttempts);
}
