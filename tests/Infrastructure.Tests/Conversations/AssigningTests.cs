using SocialEnterprise.Contracts.Classification;
using SocialEnterprise.Contracts.Conversations;
using SocialEnterprise.Domain.Classification;
using SocialEnterprise.Domain.Conversations;
using SocialEnterprise.Infrastructure.Classification;
using SocialEnterprise.Infrastructure.Conversations;

namespace SocialEnterprise.Infrastructure.Tests.Conversations;

public sealed class AssigningTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Assigning_records_who_and_changes_the_version_once()
    {
        var conversation = Open();
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

    private static Conversation Open()
    {
        var first = Message.Inbound(
            Guid.NewGuid(), "x", Guid.NewGuid().ToString("N"), "mention", Guid.NewGuid(), "Ann", "My invoice is wrong", null, null, Start, Start, "{}");
        var classification = new MessageClassification(MessageTypes.Complaint, -0.4, SentimentLabels.Negative, null, "en", Urgencies.Normal, []);
        var conversation = Conversation.Open(
            first, Guid.NewGuid(), Guid.NewGuid(), classification, new SocialEnterprise.Domain.Conversations.Routing("support", Priorities.Normal, "billing"), null, Start);
        conversation.Receive(first, classification, Priorities.Normal, Start);
        return conversation;
    }
}
