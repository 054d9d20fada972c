using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Time.Testing;
using SocialEnterprise.Channels;
using SocialEnterprise.Contracts.Conversations;
using SocialEnterprise.Contracts.Listening;
using SocialEnterprise.Contracts.Replies;
using SocialEnterprise.Domain.Conversations;
using SocialEnterprise.Domain.Listening;
using SocialEnterprise.Domain.Replies;
using SocialEnterprise.Infrastructure.Conversations;
using SocialEnterprise.Infrastructure.Listening;
using SocialEnterprise.Infrastructure.Replies;
using SocialEnterprise.TestSupport;

namespace SocialEnterprise.Api.IntegrationTests.Replies;

/// <summary>The outbound queue over real HTTP: a reply leaves signed, is retried, fails with its cause, and is never sent twice.</summary>
public sealed class DeliveryTests(ReplyDeliveryFixture fixture) : IClassFixture<ReplyDeliveryFixture>
{
    private readonly CancellationToken _cancellation = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_reply_goes_queued_sent_delivered_through_the_channel_and_shows_on_the_conversation()
    {
        var (conversationId, handle, inbound) = await fixture.OpenAsync(IngestChannels.Facebook, _cancellation);
        var replyId = await fixture.ReplyAsync(conversationId, "We are on it, sorry for the wait.", _cancellation);
        // The channel reports a second after taking the reply, so that this test sees the usual order (sent, then
        // delivered); a report that overtakes the worker's record is a unit test of Reply.
        using var receipts = fixture.LoopbackClient();
        await using var sandbox = await ReplyDeliveryHost.SandboxAsync(receipts, TimeSpan.FromSeconds(1));

        using var host = fixture.Dispatcher(sandbox);
        Assert.True(await host.Dispatcher().DrainAsync(_cancellation) >= 1);

        var taken = Assert.Single(sandbox.Delivered, message => message.ReplyId == replyId);
        Assert.Equal(conversationId, taken.ConversationId);
        Assert.Equal(IngestChannels.Facebook, taken.Channel);
        Assert.Equal(handle, taken.Recipient);
        Assert.Equal(inbound, taken.InReplyTo);
        Assert.Equal((ReplyVisibilities.Public, ReplyKinds.Reply, "We are on it, sorry for the wait."), (taken.Visibility, taken.Kind, taken.Text));
        var post = Assert.Single(sandbox.Posts, p => p.Message?.ReplyId == replyId);
        Assert.True(post.Signed);
        Assert.Equal(replyId.ToString(), post.IdempotencyKey);

        // The sandbox reports the delivery to the Api over HTTP a moment later.
        await Eventually.TrueAsync(async () => (await fixture.ReadReplyAsync(replyId, _cancellation)).State == ReplyStates.Delivered, _cancellation);
        var reply = await fixture.ReadReplyAsync(replyId, _cancellation);
        Assert.Equal(1, reply.Attempts);
        Assert.StartsWith("facebook-out-", reply.ExternalId);
        Assert.NotNull(reply.SentAt);
        Assert.NotNull(reply.DeliveredAt);
        Assert.Equal([ReplyStates.Queued, ReplyStates.Sent, ReplyStates.Delivered], await fixture.StatesOfAsync(conversationId, replyId, _cancellation));

        var detail = await fixture.ConversationAsync(conversationId, _cancellation);
        var shown = Assert.Single(detail.Replies!);
        Assert.Equal((replyId, ReplyStates.Delivered, "Rita Replier", 1), (shown.Id, shown.State, shown.AuthorName, shown.Attempts));
    }

    [Fact]
    public async Task Unavailable_connector_is_retried_with_growing_backoff_until_it_takes_the_reply()
    {
        await using var sandbox = await ReplyDeliveryHost.SandboxAsync();
        var (conversationId, _, _) = await fixture.OpenAsync(IngestChannels.X, _cancellation);
        var replyId = await fixture.ReplyAsync(conversationId, "Retry me", _cancellation);
        var time = Clock();
        sandbox.FailNext(2, HttpStatusCode.ServiceUnavailable);
        using var host = fixture.Dispatcher(sandbox, time);
        using var deliveries = new MetricCollector<long>(
            host.Services.GetRequiredService<IMeterFactory>(), ReplyDeliveryMetrics.MeterName, "socialenterprise.outbound.deliveries");

        Assert.Equal(1, (await host.Dispatcher().DispatchBatchAsync(_cancellation)).Claimed);
        var first = await fixture.ReadReplyAsync(replyId, _cancellation);
        Assert.Equal((ReplyStates.Queued, 1), (first.State, first.Attempts));
        Assert.Contains("503", first.LastError);
        // First retry after 100–200 ms (200 ms with jitter down to half).
        Assert.InRange(first.NextAttemptAt!.Value - time.GetUtcNow(), TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200));

        // Not due yet: nothing is posted.
        Assert.Equal(0, (await host.Dispatcher().DispatchBatchAsync(_cancellation)).Claimed);
        time.Advance(TimeSpan.FromMilliseconds(200));
        Assert.Equal(1, (await host.Dispatcher().DispatchBatchAsync(_cancellation)).Claimed);
        var second = await fixture.ReadReplyAsync(replyId, _cancellation);
        Assert.Equal((ReplyStates.Queued, 2), (second.State, second.Attempts));
        Assert.InRange(second.NextAttemptAt!.Value - time.GetUtcNow(), TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(400));

        time.Advance(TimeSpan.FromMilliseconds(400));
        Assert.Equal(1, (await host.Dispatcher().DispatchBatchAsync(_cancellation)).Claimed);
        var sent = await fixture.ReadReplyAsync(replyId, _cancellation);
        Assert.Equal((ReplyStates.Sent, 3, null), (sent.State, sent.Attempts, sent.LastError));
        Assert.Equal(3, sandbox.Posts.Count(p => p.Message?.ReplyId == replyId));
        Assert.Single(sandbox.Delivered, m => m.ReplyId == replyId);
        // The dashboard's delivery results: two retries, then sent.
        Assert.Equal(["retry", "retry", "sent"], deliveries.GetMeasurementSnapshot().Select(m => (string)m.Tags["result"]!));
    }

    [Fact]
    public async Task Retry_After_from_the_channel_is_honoured()
    {
        await using var sandbox = await ReplyDeliveryHost.SandboxAsync();
        var (conversationId, _, _) = await fixture.OpenAsync(IngestChannels.X, _cancellation);
        var replyId = await fixture.ReplyAsync(conversationId, "Slow down", _cancellation);
        var time = Clock();
        sandbox.FailNext(1, HttpStatusCode.TooManyRequests, retryAfter: TimeSpan.FromSeconds(30));
        using var host = fixture.Dispatcher(sandbox, time);

        await host.Dispatcher().DispatchBatchAsync(_cancellation);

        var reply = await fixture.ReadReplyAsync(replyId, _cancellation);
        Assert.Equal(ReplyStates.Queued, reply.State);
        Assert.Contains("429", reply.LastError);
        // (Less a microsecond: the database keeps whole ones.)
        Assert.True(reply.NextAttemptAt > time.GetUtcNow().AddSeconds(30).AddTicks(-10), $"retry at {reply.NextAttemptAt}, asked for 30 s after {time.GetUtcNow()}");
        time.Advance(TimeSpan.FromSeconds(29));
        await host.Dispatcher().DispatchBatchAsync(_cancellation);
        Assert.Equal((ReplyStates.Queued, 1), ((await fixture.ReadReplyAsync(replyId, _cancellation)).State, sandbox.Posts.Count));
        time.Advance(TimeSpan.FromSeconds(1));
        await host.Dispatcher().DispatchBatchAsync(_cancellation);
        Assert.Equal((ReplyStates.Sent, 2), ((await fixture.ReadReplyAsync(replyId, _cancellation)).State, sandbox.Posts.Count));
    }

    [Fact]
    public async Task A_refusal_fails_the_reply_at_once_with_the_channels_reason()
    {
        await using var sandbox = await ReplyDeliveryHost.SandboxAsync();
        var (conversationId, _, _) = await fixture.OpenAsync(IngestChannels.LinkedIn, _cancellation);
        var replyId = await fixture.ReplyAsync(conversationId, "Refuse me", _cancellation);
        sandbox.FailNext(1, HttpStatusCode.BadRequest);
        using var host = fixture.Dispatcher(sandbox);

        await host.Dispatcher().DrainAsync(_cancellation);

        var reply = await fixture.ReadReplyAsync(replyId, _cancellation);
        Assert.Equal((ReplyStates.Failed, 1, (DateTimeOffset?)null), (reply.State, reply.Attempts, reply.NextAttemptAt));
        Assert.Contains("the linkedin connector refused it: 400", reply.LastError);
        Assert.Equal([ReplyStates.Queued, ReplyStates.Failed], await fixture.StatesOfAsync(conversationId, replyId, _cancellation));
        Assert.Empty(sandbox.Delivered);
    }

    [Fact]
    public async Task After_the_last_attempt_the_reply_fails_with_the_last_cause()
    {
        await using var sandbox = await ReplyDeliveryHost.SandboxAsync();
        var (conversationId, _, _) = await fixture.OpenAsync(IngestChannels.Community, _cancellation);
        var replyId = await fixture.ReplyAsync(conversationId, "Never arrives", _cancellation);
        var time = Clock();
        sandbox.FailNext(3, HttpStatusCode.BadGateway);
        using var host = fixture.Dispatcher(sandbox, time, maxAttempts: 3);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(1, (await host.Dispatcher().DispatchBatchAsync(_cancellation)).Claimed);
            time.Advance(TimeSpan.FromSeconds(2));
        }

        var reply = await fixture.ReadReplyAsync(replyId, _cancellation);
        Assert.Equal((ReplyStates.Failed, 3), (reply.State, reply.Attempts));
        Assert.StartsWith("gave up after 3 attempts: the community connector answered 502", reply.LastError);
        Assert.Equal(0, (await host.Dispatcher().DispatchBatchAsync(_cancellation)).Claimed);
    }

    [Fact]
    public async Task A_channel_without_a_connector_fails_the_reply_saying_so()
    {
        await using var sandbox = await ReplyDeliveryHost.SandboxAsync();
        var (conversationId, _, _) = await fixture.OpenAsync(IngestChannels.Reviews, _cancellation, MessageKinds.Review);
        var replyId = await fixture.ReplyAsync(conversationId, "Nowhere to go", _cancellation);
        using var host = fixture.Dispatcher(sandbox, channels: [IngestChannels.Email]);

        await host.Dispatcher().DrainAsync(_cancellation);

        var reply = await fixture.ReadReplyAsync(replyId, _cancellation);
        Assert.Equal((ReplyStates.Failed, 0), (reply.State, reply.Attempts));
        Assert.StartsWith("no connector configured for reviews", reply.LastError);
        Assert.Empty(sandbox.Posts);
    }

    [Fact]
    public async Task A_worker_that_dies_after_posting_leaves_the_reply_to_be_posted_again_under_the_same_id_and_sent_once()
    {
        await using var sandbox = await ReplyDeliveryHost.SandboxAsync();
        var (conversationId, _, _) = await fixture.OpenAsync(IngestChannels.Chat, _cancellation, MessageKinds.Chat);
        var replyId = await fixture.ReplyAsync(conversationId, "Exactly once", _cancellation);
        var time = Clock();
        // The connector takes the message but answers late; the worker is gone before it hears back.
        sandbox.DelayNext(1, TimeSpan.FromSeconds(10));
        using (var dying = fixture.Dispatcher(sandbox, time))
        {
            using var crash = CancellationTokenSource.CreateLinkedTokenSource(_cancellation);
            var dispatching = dying.Dispatcher().DispatchBatchAsync(crash.Token);
            await Eventually.TrueAsync(() => sandbox.Delivered.Any(m => m.ReplyId == replyId), _cancellation);
            await crash.CancelAsync();
            try
            {
                await dispatching;
            }
            catch (OperationCanceledException)
            {
                // Gone mid-batch, as a killed worker is.
            }
        }

        var leased = await fixture.ReadReplyAsync(replyId, _cancellation);
        Assert.Equal((ReplyStates.Queued, 0), (leased.State, leased.Attempts));
        using var next = fixture.Dispatcher(sandbox, time);
        Assert.Equal(0, (await next.Dispatcher().DispatchBatchAsync(_cancellation)).Claimed);

        // The lease ends: another worker posts it again, with the same id, and the connector answers as before.
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(1, (await next.Dispatcher().DispatchBatchAsync(_cancellation)).Claimed);

        var reply = await fixture.ReadReplyAsync(replyId, _cancellation);
        Assert.Equal(ReplyStates.Sent, reply.State);
        Assert.Equal(2, sandbox.Posts.Count(p => p.Message?.ReplyId == replyId));
        Assert.All(sandbox.Posts.Where(p => p.Message?.ReplyId == replyId), p => Assert.Equal(replyId.ToString(), p.IdempotencyKey));
        Assert.Single(sandbox.Delivered, m => m.ReplyId == replyId);
        Assert.Equal("chat-out-1", reply.ExternalId);
    }

    [Fact]
    public async Task Two_workers_sharing_the_queue_never_post_the_same_reply()
    {
        await using var sandbox = await ReplyDeliveryHost.SandboxAsync();
        var (conversationId, _, _) = await fixture.OpenAsync(IngestChannels.Email, _cancellation, MessageKinds.Email);
        var replies = new List<Guid>();
        for (var i = 0; i < 40; i++)
        {
            replies.Add(await fixture.ReplyAsync(conversationId, $"Part {i}", _cancellation));
        }

        // A busy machine can take seconds over a post: with no timeout or lease running out here, every claim is a
        // first claim, and a second one could only come from the two workers taking the same reply.
        var settings = ReplyDeliveryHost.Settings(sandbox);
        settings["Outbound:RequestTimeout"] = "00:00:30";
        settings["Outbound:Lease"] = "00:02:00";
        using var one = ReplyDeliveryHost.Create(fixture.DatabaseConnectionString, settings);
        using var two = ReplyDeliveryHost.Create(fixture.DatabaseConnectionString, settings);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var draining = new[] { one, two }.Select(host => Task.Run(async () =>
        {
            await start.Task;
            var total = 0;
            // Small batches, so that both keep coming back for more while the other is posting.
            while ((await host.Dispatcher().DispatchBatchAsync(_cancellation)).Claimed is var claimed and > 0)
            {
                total += claimed;
            }

            return total;
        }, _cancellation)).ToList();
        start.SetResult();
        var dispatched = await Task.WhenAll(draining);

        Assert.Equal(40, dispatched.Sum());
        var posted = sandbox.Posts.Where(p => p.Message is not null && replies.Contains(p.Message.ReplyId)).GroupBy(p => p.Message!.ReplyId).ToList();
        Assert.Equal(40, posted.Count);
        Assert.All(posted, group => Assert.Single(group));
        await using var db = fixture.NewDbContext();
        Assert.Equal(40, await db.Replies.CountAsync(r => replies.Contains(r.Id) && r.State == ReplyStates.Sent, _cancellation));
    }

    [Fact]
    public async Task A_connector_that_does_not_answer_in_time_is_retried_and_the_repeat_is_one_message()
    {
        await using var sandbox = await ReplyDeliveryHost.SandboxAsync();
        var (conversationId, _, _) = await fixture.OpenAsync(IngestChannels.X, _cancellation);
        var replyId = await fixture.ReplyAsync(conversationId, "Timed out", _cancellation);
        var time = Clock();
        sandbox.DelayNext(1, TimeSpan.FromSeconds(10));
        using var host = fixture.Dispatcher(sandbox, time);

        await host.Dispatcher().DispatchBatchAsync(_cancellation);
        var waiting = await fixture.ReadReplyAsync(replyId, _cancellation);
        Assert.Equal((ReplyStates.Queued, 1), (waiting.State, waiting.Attempts));
        Assert.Contains("did not answer within 2 s", waiting.LastError);

        time.Advance(TimeSpan.FromSeconds(1));
        await host.Dispatcher().DispatchBatchAsync(_cancellation);
        Assert.Equal(ReplyStates.Sent, (await fixture.ReadReplyAsync(replyId, _cancellation)).State);
        Assert.Single(sandbox.Delivered, m => m.ReplyId == replyId);
    }

    [Fact]
    public async Task A_post_the_connector_cannot_verify_is_refused_and_the_reply_fails()
    {
        await using var sandbox = await ChannelSandbox.StartAsync(_ => "another-secret-entirely", cancellationToken: _cancellation);
        var (conversationId, _, _) = await fixture.OpenAsync(IngestChannels.X, _cancellation);
        var replyId = await fixture.ReplyAsync(conversationId, "Wrong secret", _cancellation);
        using var host = fixture.Dispatcher(sandbox);

        await host.Dispatcher().DrainAsync(_cancellation);

        var post = Assert.Single(sandbox.Posts);
        Assert.False(post.Signed);
        var reply = await fixture.ReadReplyAsync(replyId, _cancellation);
        Assert.Equal(ReplyStates.Failed, reply.State);
        Assert.Contains("401", reply.LastError);
    }

    [Fact]
    public async Task Settings_with_a_relative_connector_url_or_without_its_secret_are_refused_on_start()
    {
        var settings = ReplyDeliveryHost.Settings(fixture.Sandbox);
        settings["Outbound:Channels:x:Url"] = "/relative";
        settings["Outbound:Secrets:facebook"] = null;
        var failure = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(
            () => ReplyDeliveryHost.Create(fixture.DatabaseConnectionString, settings));
        Assert.Contains(failure.Failures, message => message.Contains("Outbound:Channels:x:Url must be an absolute http or https URL"));
        Assert.Contains(failure.Failures, message => message.Contains("Outbound:Secrets:facebook is not set"));
        await Task.CompletedTask;
    }

    /// <summary>A clock from now on, taken after the test's replies are written (on the real clock), so that they are due on it.</summary>
    private static FakeTimeProvider Clock() => new(DateTimeOffset.UtcNow);
}
