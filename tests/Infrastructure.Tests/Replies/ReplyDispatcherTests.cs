using SocialEnterprise.Contracts.Classification;
using SocialEnterprise.Contracts.Conversations;
using SocialEnterprise.Contracts.Replies;
using SocialEnterprise.Domain.Classification;
using SocialEnterprise.Domain.Conversations;
using SocialEnterprise.Domain.Replies;
using SocialEnterprise.Infrastructure.Classification;
using SocialEnterprise.Infrastructure.Conversations;
using SocialEnterprise.Infrastructure.Replies;

namespace SocialEnterprise.Infrastructure.Tests.Replies;

public sealed class ReplyDispatcherTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(1, 0.0, 1_000)]
    [InlineData(1, 1.0, 2_000)]
    [InlineData(2, 0.0, 2_000)]
    [InlineData(3, 1.0, 8_000)]
    [InlineData(10, 1.0, 60_000)]
    [InlineData(40, 0.5, 45_000)]
    public void Backoff_doubles_per_attempt_up_to_the_cap_with_jitter_down_to_half(int attempts, double random, int expectedMilliseconds) =>
        Assert.Equal(
            TimeSpan.FromMilliseconds(expectedMilliseconds),
            ReplyDispatcher.Backoff(attempts, TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(1), null, random));

    [Fact]
    public void Backoff_waits_at_least_as_long_as_the_channel_asked()
    {
        Assert.Equal(TimeSpan.FromSeconds(90), ReplyDispatcher.Backoff(1, TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(90), 0.3));
        Assert.Equal(TimeSpan.FromSeconds(2), ReplyDispatcher.Backoff(1, TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(1), 1.0));
    }

    [Fact]
    public void A_failed_reply_sent_again_is_queued_with_fresh_attempts_and_records_the_change()
    {
        var reply = Reply();
        reply.RetryAt("503", Start.AddSeconds(2), Start);
        Assert.True(reply.MarkFailed("gave up", Start.AddSeconds(3)));
        Assert.Equal(2, reply.Attempts);

        Assert.True(reply.Retry(Start.AddMinutes(1)));

        Assert.Equal((ReplyStates.Queued, 0, Start.AddMinutes(1), (DateTimeOffset?)null), (reply.State, reply.Attempts, reply.NextAttemptAt, reply.FailedAt));
        Assert.Equal(
            [ReplyStates.Queued, ReplyStates.Failed, ReplyStates.Queued],
            reply.PendingEvents.OfType<ReplyStateChanged>().Select(e => e.State));
        Assert.False(reply.Retry(Start.AddMinutes(2)));
    }

    [Fact]
    public void A_delivery_reported_before_the_worker_records_the_connectors_answer_keeps_the_attempt_and_the_channels_id()
    {
        var reply = Reply();
        Assert.True(reply.MarkDelivered(Start.AddSeconds(1), Start.AddSeconds(1)));

        Assert.False(reply.MarkSent("x-out-1", Start.AddSeconds(2)));

        Assert.Equal((ReplyStates.Delivered, 1, "x-out-1", (DateTimeOffset?)null), (reply.State, reply.Attempts, reply.ExternalId, reply.NextAttemptAt));
        // Recorded once: a second answer for the same post changes nothing.
        Assert.False(reply.MarkSent("x-out-2", Start.AddSeconds(3)));
        Assert.Equal((1, "x-out-1"), (reply.Attempts, reply.ExternalId));
    }

    [Fact]
    public void Reports_name_every_invalid_field()
    {
        Assert.Empty(DeliveryReceipts.Validate(new OutboundEventRequest(OutboundEventTypes.Delivered, Guid.NewGuid(), null, null, null, null, null)));
        Assert.Empty(DeliveryReceipts.Validate(new OutboundEventRequest(OutboundEventTypes.Failed, null, "ext-1", null, "blocked", null, null)));
        Assert.Equal(
            ["comment", "replyId", "score"],
            DeliveryReceipts.Validate(new OutboundEventRequest(OutboundEventTypes.SurveyAnswer, Guid.Empty, null, null, null, 0, new string('c', 2001)))
                .Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["type"], DeliveryReceipts.Validate(new OutboundEventRequest(null, Guid.NewGuid(), null, null, null, null, null)).Keys);
    }

    private static Reply Reply()
    {
        var first = Message.Inbound(Guid.NewGuid(), "x", Guid.NewGuid().ToString("N"), "mention", Guid.NewGuid(), "Ann", "Help", null, null, Start, Start, "{}");
        var classification = new MessageClassification(MessageTypes.Complaint, -0.4, SentimentLabels.Negative, null, "en", Urgencies.Normal, []);
        var conversation = Conversation.Open(
            first, Guid.NewGuid(), Guid.NewGuid(), classification, new SocialEnterprise.Domain.Conversations.Routing("support", Priorities.Normal, "billing"),
            null, Start);
        return SocialEnterprise.Domain.Replies.Reply.Write(
            conversation, ReplyKinds.Reply, ReplyVisibilities.Public, "On it", first.Id, Guid.NewGuid(), "Rita", conversation.Version, null, Start);
    }
}
