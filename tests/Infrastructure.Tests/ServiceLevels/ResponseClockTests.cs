using SocialEnterprise.Contracts.Classification;
using SocialEnterprise.Contracts.Conversations;
using SocialEnterprise.Contracts.ServiceLevels;
using SocialEnterprise.Domain.Classification;
using SocialEnterprise.Domain.Conversations;
using SocialEnterprise.Domain.ServiceLevels;
using SocialEnterprise.Infrastructure.Classification;
using SocialEnterprise.Infrastructure.Conversations;
using SocialEnterprise.Infrastructure.ServiceLevels;

namespace SocialEnterprise.Infrastructure.Tests.ServiceLevels;

/// <summary>
/// The conversation's response columns (what the inbox's at-risk filter and due order read) mirror its running
/// first- or next-response clock, as the keeper leaves them at each save; here under the seeded "standard" policy.
/// </summary>
public sealed class ResponseClockTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);
    private static readonly SlaRules Rules = new(SlaDefaults.Policies(), SlaDefaults.Calendars());

    private readonly List<ServiceLevelClock> _clocks = [];

    [Theory]
    [InlineData(Priorities.Urgent, 1)]
    [InlineData(Priorities.High, 4)]
    [InlineData(Priorities.Normal, 24)]
    [InlineData(Priorities.Low, 72)]
    public void A_new_conversation_owes_an_answer_within_its_prioritys_target_and_is_at_risk_at_80_percent(string priority, int hours)
    {
        var conversation = Open(priority);

        Assert.Equal(Start, conversation.ResponseClockStartedAt);
        Assert.Equal(Start.AddHours(hours), conversation.ResponseDueAt);
        Assert.Equal(Start.AddHours(hours * 0.8), conversation.ResponseWarnAt);
        Assert.Equal(ServiceLevelStates.OnTrack, conversation.ServiceLevelAt(Start.AddHours(hours * 0.8).AddSeconds(-1)));
        Assert.Equal(ServiceLevelStates.AtRisk, conversation.ServiceLevelAt(Start.AddHours(hours * 0.8)));
        Assert.Equal(ServiceLevelStates.Breached, conversation.ServiceLevelAt(Start.AddHours(hours)));
    }

    [Fact]
    public void A_reply_clears_the_wait_and_the_customers_next_message_starts_a_next_response_wait()
    {
        var conversation = Open(Priorities.Normal);

        conversation.Replied(Guid.NewGuid(), null, "Ada Agent", "public", Start.AddHours(2));
        Save(conversation, Start.AddHours(2));
        Assert.Null(conversation.ResponseClockStartedAt);
        Assert.Null(conversation.ResponseDueAt);
        Assert.Equal(ServiceLevelStates.None, conversation.ServiceLevelAt(Start.AddDays(3)));

        conversation.Receive(Inbound("Thanks, but it is still wrong", Start.AddHours(5)), Classification(), Priorities.Normal, Start.AddHours(5));
        Save(conversation, Start.AddHours(5));

        Assert.Contains(_clocks, c => c is { Metric: ServiceLevelMetrics.NextResponse, IsRunning: true });
        Assert.Equal(Start.AddHours(5), conversation.ResponseClockStartedAt);
        Assert.Equal(Start.AddHours(29), conversation.ResponseDueAt);
    }

    [Fact]
    public void Waiting_on_the_customer_pauses_the_wait_and_their_next_message_resumes_it_with_the_time_used()
    {
        var conversation = Open(Priorities.High);

        conversation.ChangeStatus(ConversationStatuses.Pending, "agent", Start.AddHours(1));
        Save(conversation, Start.AddHours(1));
        Assert.Null(conversation.ResponseDueAt);
        Assert.Equal(ServiceLevelStates.None, conversation.ServiceLevelAt(Start.AddDays(3)));

        conversation.Receive(Inbound("Any news?", Start.AddHours(30)), Classification(), Priorities.High, Start.AddHours(30));
        Save(conversation, Start.AddHours(30));

        Assert.Equal(ConversationStatuses.Open, conversation.Status);
        Assert.Equal(Start.AddHours(33), conversation.ResponseDueAt);
    }

    [Fact]
    public void Another_message_while_waiting_keeps_the_wait_but_a_raised_priority_brings_the_due_moment_closer()
    {
        var conversation = Open(Priorities.Normal);

        conversation.Receive(Inbound("Hello?", Start.AddMinutes(10)), Classification(), Priorities.Normal, Start.AddMinutes(10));
        Save(conversation, Start.AddMinutes(10));
        Assert.Equal(Start, conversation.ResponseClockStartedAt);
        Assert.Equal(Start.AddHours(24), conversation.ResponseDueAt);

        conversation.Receive(Inbound("This is urgent", Start.AddMinutes(30)), Classification(), Priorities.Urgent, Start.AddMinutes(30));
        Save(conversation, Start.AddMinutes(30));

        var first = Assert.Single(_clocks, c => c.Metric == ServiceLevelMetrics.FirstResponse);
        Assert.Equal(TimeSpan.FromHours(1), first.Target);
        Assert.Equal(Start.AddHours(1), first.DueAt);
        Assert.Equal(Start.AddHours(1), conversation.ResponseDueAt);
        Assert.Equal(ServiceLevelStates.AtRisk, conversation.ServiceLevelAt(Start.AddMinutes(48)));
        Assert.Equal(ServiceLevelStates.Breached, conversation.ServiceLevelAt(Start.AddHours(1)));
    }

    [Fact]
    public void A_raised_priority_on_a_clock_that_has_used_its_new_target_is_due_at_once()
    {
        var conversation = Open(Priorities.Normal);

        conversation.Receive(Inbound("Hello??", Start.AddHours(3)), Classification(), Priorities.Urgent, Start.AddHours(3));
        Save(conversation, Start.AddHours(3));

        Assert.Equal(Start.AddHours(3), conversation.ResponseDueAt);
        Assert.Equal(ServiceLevelStates.Breached, conversation.ServiceLevelAt(Start.AddHours(3)));
    }

    [Fact]
    public void Resolving_stops_the_wait_and_reopening_by_hand_resumes_it()
    {
        var conversation = Open(Priorities.Urgent);

        conversation.ChangeStatus(ConversationStatuses.Resolved, "agent", Start.AddMinutes(30));
        Save(conversation, Start.AddMinutes(30));
        Assert.Null(conversation.ResponseDueAt);

        conversation.ChangeStatus(ConversationStatuses.Open, "agent", Start.AddHours(5));
        Save(conversation, Start.AddHours(5));
        Assert.Equal(Start.AddHours(5.5), conversation.ResponseDueAt);
    }

    private Conversation Open(string priority)
    {
        var first = Inbound("My invoice is wrong", Start);
        var conversation = Conversation.Open(
            first, Guid.NewGuid(), Guid.NewGuid(), Classification(), new SocialEnterprise.Domain.Conversations.Routing("support", priority, "billing"), null, Start);
        conversation.Receive(first, Classification(), priority, Start);
        Save(conversation, Start);
        return conversation;
    }

    /// <summary>What the CRM database context does for the conversation when it saves.</summary>
    private void Save(Conversation conversation, DateTimeOffset now) =>
        _clocks.AddRange(ServiceLevelClockKeeper.Keep(conversation, _clocks, Rules, now));

    private static Message Inbound(string text, DateTimeOffset at) =>
        Message.Inbound(Guid.NewGuid(), "x", Guid.NewGuid().ToString("N"), "mention", Guid.NewGuid(), "Ann", text, null, null, at, at, "{}");

    private static MessageClassification Classification() =>
        new(MessageTypes.Complaint, -0.4, SentimentLabels.Negative, null, "en", Urgencies.Normal, []);
}
