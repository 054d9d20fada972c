using SocialEnterprise.Domain.Classification;
using SocialEnterprise.Domain.Conversations;

namespace SocialEnterprise.UnitTests.Domain.Conversations;

public sealed class ResponseClockTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);
    private static readonly ResponseTargets Targets = new();

    [Theory]
    [InlineData(Priorities.Urgent, 1)]
    [InlineData(Priorities.High, 4)]
    [InlineData(Priorities.Normal, 24)]
    [InlineData(Priorities.Low, 72)]
    public void A_new_conversation_owes_an_answer_within_its_prioritys_target_and_is_at_risk_at_80_percent(string priority, int hours)
    {
        var conversation = Open(priority);

        Assert.Equal(Start.AddHours(hours), conversation.ResponseDueAt);
        Assert.Equal(Start.AddHours(hours * 0.8), conversation.ResponseWarnAt);
        Assert.Equal(ServiceLevelStates.OnTrack, conversation.ServiceLevelAt(Start.AddHours(hours * 0.8).AddSeconds(-1)));
        Assert.Equal(ServiceLevelStates.AtRisk, conversation.ServiceLevelAt(Start.AddHours(hours * 0.8)));
        Assert.Equal(ServiceLevelStates.Breached, conversation.ServiceLevelAt(Start.AddHours(hours)));
    }

    [Fact]
    public void Waiting_on_the_customer_stops_the_clock_and_their_next_message_starts_a_new_wait()
    {
        var conversation = Open(Priorities.High);

        conversation.ChangeStatus(ConversationStatuses.Pending, "agent", Targets, Start.AddHours(1));
        Assert.Null(conversation.ResponseDueAt);
        Assert.Equal(ServiceLevelStates.None, conversation.ServiceLevelAt(Start.AddDays(3)));

        conversation.Receive(Inbound("Any news?", Start.AddHours(30)), Classification(), Priorities.High, Targets, Start.AddHours(30));

        Assert.Equal(ConversationStatuses.Open, conversation.Status);
        Assert.Equal(Start.AddHours(34), conversation.ResponseDueAt);
    }

    [Fact]
    public void Another_message_while_waiting_keeps_the_wait_but_a_raised_priority_brings_the_due_moment_closer()
    {
        var conversation = Open(Priorities.Normal);

        conversation.Receive(Inbound("Hello?", Start.AddHours(2)), Classification(), Priorities.Normal, Targets, Start.AddHours(2));
        Assert.Equal(Start.AddHours(24), conversation.ResponseDueAt);

        conversation.Receive(Inbound("This is urgent", Start.AddHours(3)), Classification(), Priorities.Urgent, Targets, Start.AddHours(3));
        Assert.Equal(Start.AddHours(1), conversation.ResponseDueAt);
        Assert.Equal(ServiceLevelStates.Breached, conversation.ServiceLevelAt(Start.AddHours(3)));
    }

    [Fact]
    public void Resolving_stops_the_clock_and_reopening_by_hand_starts_it_again()
    {
        var conversation = Open(Priorities.Urgent);

        conversation.ChangeStatus(ConversationStatuses.Resolved, "agent", Targets, Start.AddMinutes(30));
        Assert.Null(conversation.ResponseDueAt);

        conversation.ChangeStatus(ConversationStatuses.Open, "agent", Targets, Start.AddHours(5));
        Assert.Equal(Start.AddHours(6), conversation.ResponseDueAt);
    }

    [Fact]
    public void Assigning_records_who_and_changes_the_version_once()
    {
        var conversation = Open(Priorities.Normal);
        var agent = Guid.NewGuid();
        var version = conversation.Version;

        Assert.True(conversation.Assign(agent, "Ada Agent", "Mia Manager", Start));
        Assert.False(conversation.Assign(agent, "Ada Agent", "Mia Manager", Start));

        Assert.Equal(agent, conversation.AssigneeId);
        Assert.Equal(version + 1, conversation.Version);
        var assigned = Assert.IsType<ConversationAssigned>(conversation.PendingEvents[^1]);
        Assert.Equal("Ada Agent", assigned.AssigneeName);
        Assert.Equal("Assigned to Ada Agent", ConversationHistory.Describe(assigned));
    }

    private static Conversation Open(string priority)
    {
        var first = Inbound("My invoice is wrong", Start);
        var conversation = Conversation.Open(
            first, Guid.NewGuid(), Guid.NewGuid(), Classification(), new SocialEnterprise.Domain.Conversations.Routing("support", priority, "billing"), null, Targets, Start);
        conversation.Receive(first, Classification(), priority, Targets, Start);
        return conversation;
    }

    private static Message Inbound(string text, DateTimeOffset at) =>
        Message.Inbound(Guid.NewGuid(), "x", Guid.NewGuid().ToString("N"), "mention", Guid.NewGuid(), "Ann", text, null, null, at, at, "{}");

    private static MessageClassification Classification() =>
        new(MessageTypes.Complaint, -0.4, SentimentLabels.Negative, null, "en", Urgencies.Normal, []);
}
