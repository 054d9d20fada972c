using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using SocialEnterprise.Api.Events;
using SocialEnterprise.Contracts.Events;
using SocialEnterprise.Contracts.Probes;
using SocialEnterprise.Domain.Events;
using SocialEnterprise.Domain.Probes;
using SocialEnterprise.Infrastructure.Events;
using SocialEnterprise.Infrastructure.Probes;

namespace SocialEnterprise.Api.IntegrationTests.Events;

public sealed class EventStreamHubTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private readonly CancellationToken _cancellation = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_consumer_resumes_from_the_last_sequence_it_saw_and_receives_new_events_live()
    {
        await using var connection = Connect(ApiFixture.Key);
        await connection.StartAsync(_cancellation);
        var first = PipelineProbe.Request("before", DateTimeOffset.UtcNow);
        await SaveAsync(first);
        var head = await connection.InvokeAsync<long>(nameof(EventStreamHub.Head), _cancellation);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_cancellation);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        await using var stream = connection.StreamAsync<EventEnvelope>(nameof(EventStreamHub.Follow), head - 1, timeout.Token)
            .GetAsyncEnumerator(timeout.Token);

        Assert.True(await stream.MoveNextAsync());
        Assert.Equal(head, stream.Current.Sequence);
        Assert.Equal(PipelineProbeStream.Of(first.Id), stream.Current.StreamId);

        var next = stream.MoveNextAsync();
        var second = PipelineProbe.Request("after", DateTimeOffset.UtcNow);
        await SaveAsync(second);

        Assert.True(await next);
        var requested = Assert.IsType<PipelineProbeRequested>(stream.Current.ToEvent());
        Assert.Equal(second.Id, requested.ProbeId);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-the-key")]
    public async Task Callers_without_a_valid_key_cannot_connect(string? key)
    {
        await using var connection = Connect(key);

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync(_cancellation));
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    private HubConnection Connect(string? key) => new HubConnectionBuilder()
        .WithUrl(new Uri(api.Factory.Server.BaseAddress, EventStreamApi.HubPath.TrimStart('/')), options =>
        {
            // The in-process test server speaks HTTP only, so the stream runs over long polling here.
            options.Transports = HttpTransportType.LongPolling;
            options.HttpMessageHandlerFactory = _ => api.Factory.Server.CreateHandler();
            options.AccessTokenProvider = () => Task.FromResult(key);
        })
        .Build();

    private async Task SaveAsync(PipelineProbe probe)
    {
        await using var db = api.NewDbContext();
        db.PipelineProbes.Add(probe);
        await db.SaveChangesAsync(_cancellation);
    }
}
