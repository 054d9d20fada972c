using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using SocialEnterprise.Contracts.Listening;
using SocialEnterprise.Contracts.Replies;
using SocialEnterprise.Domain.Listening;
using SocialEnterprise.Domain.Replies;
using SocialEnterprise.Infrastructure.Listening;
using SocialEnterprise.Infrastructure.Replies;
using SocialEnterprise.Shared;

namespace SocialEnterprise.EndToEnd;

/// <summary>Tests that script the shared channel sandbox, or rely on it answering at once, run one after another.</summary>
[CollectionDefinition]
public sealed class ChannelSandboxCollection;

/// <summary>The dashboard's buttons for operators, run against the stack as the dashboard runs them.</summary>
[Collection(typeof(ChannelSandboxCollection))]
public sealed class OperatorCommandTests(StackFixture stack)
{
    private readonly CancellationToken _cancellation = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Send_a_pipeline_probe_says_the_probe_went_round_and_how_long_it_took()
    {
        var result = await stack.Stack.App.ResourceCommands.ExecuteCommandAsync(Resources.Api, "send-probe", _cancellation);

        Assert.True(result.Success, result.Message);
        Assert.Matches(@"^Probe [0-9a-f]{32} was stored, carried by .+ and recorded in \d+ ms\.$", result.Message);
    }

    [Fact]
    public async Task Replay_parked_events_says_how_many_went_back_to_the_queue()
    {
        var result = await stack.Stack.App.ResourceCommands.ExecuteCommandAsync(Resources.Workers, "replay-parked", _cancellation);

        Assert.True(result.Success, result.Message);
        Assert.Equal("No event was parked.", result.Message);
    }

    [Fact]
    public async Task Fail_the_next_replies_makes_the_channels_answer_the_next_five_posts_503_with_Retry_After()
    {
        var before = (await stack.Channels.PostsAsync(_cancellation)).Count;
        var result = await stack.Stack.App.ResourceCommands.ExecuteCommandAsync(Resources.Channels, "fail-next", _cancellation);
        Assert.True(result.Success, result.Message);

        // Posted as the Workers post a reply, signed with the development outbound secret, until the channel takes one.
        // A reply the Workers are still retrying from an earlier test may take one of the five failures meanwhile, so the
        // count is read from the channel's own record of every post.
        using var channels = new HttpClient { BaseAddress = stack.Stack.ChannelsUrl };
        var answers = new List<(HttpStatusCode Status, string? RetryAfter)>();
        while (answers.Count < 10 && answers.LastOrDefault().Status != HttpStatusCode.OK)
        {
            var body = JsonSerializer.SerializeToUtf8Bytes(
                new OutboundMessage(Guid.NewGuid(), Guid.NewGuid(), IngestChannels.X, "@someone", null, ReplyVisibilities.Public, "reply", "Hello"),
                new JsonSerializerOptions(JsonSerializerDefaults.Web));
            using var request = new HttpRequestMessage(HttpMethod.Post, $"channels/{IngestChannels.X}") { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Headers.Add(IngestSignature.HeaderName, IngestSignature.Sign(OutboundSettings.DevSecret, body));
            using var response = await channels.SendAsync(request, _cancellation);
            answers.Add((response.StatusCode, response.Headers.RetryAfter?.Delta?.TotalSeconds.ToString(CultureInfo.InvariantCulture)));
        }

        Assert.Equal(HttpStatusCode.OK, answers[^1].Status);
        Assert.All(answers[..^1], answer => Assert.Equal((HttpStatusCode.ServiceUnavailable, (string?)"5"), answer));
        // A reply posted before the failures were armed answers 200 and is not counted.
        var since = (await stack.Channels.PostsAsync(_cancellation)).Skip(before).Where(post => post.Signed).Select(post => post.Status)
            .SkipWhile(status => status == 200).ToList();
        Assert.Equal(Enumerable.Repeat(503, 5), since.Take(5));
        Assert.All(since.Skip(5), status => Assert.Equal(200, status));
    }
}
