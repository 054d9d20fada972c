using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using SocialEnterprise.Contracts.Listening;
using SocialEnterprise.Contracts.Replies;
using SocialEnterprise.Domain.Listening;
using SocialEnterprise.Domain.Replies;
using SocialEnterprise.Infrastructure.Listening;
using SocialEnterprise.Infrastructure.Replies;
using SocialEnterprise.TestSupport;

namespace SocialEnterprise.Api.IntegrationTests.Replies;

/// <summary>Channels report on replies: signed, validated field by field, idempotent.</summary>
public sealed class ReceiptTests(ReplyDeliveryFixture fixture) : IClassFixture<ReplyDeliveryFixture>
{
    private readonly CancellationToken _cancellation = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_report_without_the_channels_outbound_signature_is_401_and_changes_nothing()
    {
        var replyId = await SentReplyAsync(IngestChannels.X);
        using var api = fixture.LoopbackClient();
        var report = Delivered(replyId);

        using var unsigned = await fixture.Sandbox.ReportAsync(api, IngestChannels.X, report, _cancellation, signature: "sha256=" + new string('0', 64));
        await unsigned.ExpectAsync(HttpStatusCode.Unauthorized, _cancellation);
        // Signed with the inbound webhook secret: not the outbound one.
        using var inbound = await fixture.Sandbox.ReportAsync(api, IngestChannels.X, "{}", _cancellation,
            signature: IngestSignature.Sign(ApiFixture.ChannelSecret, "{}"u8));
        await inbound.ExpectAsync(HttpStatusCode.Unauthorized, _cancellation);

        Assert.Equal(ReplyStates.Sent, (await fixture.ReadReplyAsync(replyId, _cancellation)).State);
    }

    [Fact]
    public async Task Unknown_channels_and_replies_are_404()
    {
        using var api = fixture.LoopbackClient();
        using var channel = await fixture.Sandbox.ReportAsync(api, "myspace", Delivered(Guid.NewGuid()), _cancellation);
        await channel.ExpectAsync(HttpStatusCode.NotFound, _cancellation);
        using var reply = await fixture.Sandbox.ReportAsync(api, IngestChannels.X, Delivered(Guid.NewGuid()), _cancellation);
        await reply.ExpectAsync(HttpStatusCode.NotFound, _cancellation);

        // A reply is only found on its own channel.
        var replyId = await SentReplyAsync(IngestChannels.X);
        using var elsewhere = await fixture.Sandbox.ReportAsync(api, IngestChannels.Facebook, Delivered(replyId), _cancellation);
        await elsewhere.ExpectAsync(HttpStatusCode.NotFound, _cancellation);
    }

    [Fact]
    public async Task Invalid_reports_are_400_naming_each_field()
    {
        using var api = fixture.LoopbackClient();
        using var response = await fixture.Sandbox.ReportAsync(
            api, IngestChannels.X, new OutboundEventRequest("read", null, new string('e', 201), null, null, null, null), _cancellation);
        await response.ExpectAsync(HttpStatusCode.BadRequest, _cancellation);
        var problem = (await response.Content.ReadFromJsonAsync<ValidationProblemDetails>(_cancellation))!;
        Assert.Equal(["externalId", "type"], problem.Errors.Keys.Order(StringComparer.Ordinal));

        using var nameless = await fixture.Sandbox.ReportAsync(
            api, IngestChannels.X, new OutboundEventRequest(OutboundEventTypes.Delivered, null, " ", null, null, null, null), _cancellation);
        await nameless.ExpectAsync(HttpStatusCode.BadRequest, _cancellation);
        Assert.Equal(["replyId"], (await nameless.Content.ReadFromJsonAsync<ValidationProblemDetails>(_cancellation))!.Errors.Keys);

        using var answer = await fixture.Sandbox.ReportAsync(
            api, IngestChannels.X, new OutboundEventRequest(OutboundEventTypes.SurveyAnswer, Guid.NewGuid(), null, null, null, 6, new string('c', 2001)), _cancellation);
        await answer.ExpectAsync(HttpStatusCode.BadRequest, _cancellation);
        var answerProblem = (await answer.Content.ReadFromJsonAsync<ValidationProblemDetails>(_cancellation))!;
        Assert.Equal(["comment", "score"], answerProblem.Errors.Keys.Order(StringComparer.Ordinal));

        using var json = await fixture.Sandbox.ReportAsync(api, IngestChannels.X, """{"type":"delivered","replyId":"not-a-guid"}""", _cancellation);
        await json.ExpectAsync(HttpStatusCode.BadRequest, _cancellation);
        Assert.Contains("replyId", (await json.Content.ReadFromJsonAsync<ValidationProblemDetails>(_cancellation))!.Errors.Keys);
    }

    [Fact]
    public async Task Delivered_twice_is_one_change_and_a_later_failure_does_not_undo_it()
    {
        var replyId = await SentReplyAsync(IngestChannels.X);
        using var api = fixture.LoopbackClient();
        var at = DateTimeOffset.UtcNow.AddSeconds(-3);

        using var first = await fixture.Sandbox.ReportAsync(api, IngestChannels.X, Delivered(replyId, at), _cancellation);
        await first.ExpectAsync(HttpStatusCode.OK, _cancellation);
        Assert.Equal(new OutboundEventResult(replyId, ReplyStates.Delivered, true), await first.Content.ReadFromJsonAsync<OutboundEventResult>(_cancellation));
        using var again = await fixture.Sandbox.ReportAsync(api, IngestChannels.X, Delivered(replyId, at), _cancellation);
        Assert.Equal(new OutboundEventResult(replyId, ReplyStates.Delivered, false), await again.Content.ReadFromJsonAsync<OutboundEventResult>(_cancellation));
        using var late = await fixture.Sandbox.ReportAsync(
            api, IngestChannels.X, new OutboundEventRequest(OutboundEventTypes.Failed, replyId, null, null, "blocked", null, null), _cancellation);
        Assert.Equal(new OutboundEventResult(replyId, ReplyStates.Delivered, false), await late.Content.ReadFromJsonAsync<OutboundEventResult>(_cancellation));

        var reply = await fixture.ReadReplyAsync(replyId, _cancellation);
        Assert.Equal(at.ToUnixTimeMilliseconds(), reply.DeliveredAt!.Value.ToUnixTimeMilliseconds());
        var states = await fixture.StatesOfAsync(reply.ConversationId, replyId, _cancellation);
        Assert.Single(states, state => state == ReplyStates.Delivered);
    }

    [Fact]
    public async Task A_channel_that_refuses_after_accepting_fails_the_reply_named_by_its_external_id()
    {
        var replyId = await SentReplyAsync(IngestChannels.Facebook);
        var externalId = (await fixture.ReadReplyAsync(replyId, _cancellation)).ExternalId;
        using var api = fixture.LoopbackClient();

        using var response = await fixture.Sandbox.ReportAsync(
            api, IngestChannels.Facebook, new OutboundEventRequest(OutboundEventTypes.Failed, null, externalId, null, "the user blocked the page", null, null),
            _cancellation);

        await response.ExpectAsync(HttpStatusCode.OK, _cancellation);
        var reply = await fixture.ReadReplyAsync(replyId, _cancellation);
        Assert.Equal(ReplyStates.Failed, reply.State);
        Assert.Equal("the channel refused it: the user blocked the page", reply.LastError);
    }

    /// <summary>A reply the channel took (sent), with no delivery reported yet.</summary>
    private async Task<Guid> SentReplyAsync(string channel)
    {
        await using var quiet = await ReplyDeliveryHost.SandboxAsync();
        var (conversationId, _, _) = await fixture.OpenAsync(channel, _cancellation);
        var replyId = await fixture.ReplyAsync(conversationId, "Reported on", _cancellation);
        using var host = fixture.Dispatcher(quiet);
        await host.Dispatcher().DrainAsync(_cancellation);
        Assert.Equal(ReplyStates.Sent, (await fixture.ReadReplyAsync(replyId, _cancellation)).State);
        return replyId;
    }

    private static OutboundEventRequest Delivered(Guid replyId, DateTimeOffset? at = null) =>
        new(OutboundEventTypes.Delivered, replyId, null, at, null, null, null);
}
