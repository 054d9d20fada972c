using System.Net.Http.Json;
using SocialEnterprise.Contracts.Listening;
using SocialEnterprise.Contracts.Replies;

namespace SocialEnterprise.Api.IntegrationTests.Replies;

/// <summary>A reply goes where the customer wrote: a direct message is answered privately unless its author deliberately goes public.</summary>
public sealed class ReplyAudienceTests(RepliesFixture fixture) : IClassFixture<RepliesFixture>
{
    private readonly CancellationToken _cancellation = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_direct_message_on_x_opens_the_composer_on_a_private_reply_and_says_the_customer_wrote_privately()
    {
        var (conversation, _, _) = await fixture.OpenAsync(
            $"My card was charged twice for order 5521 {Replying.NewWord()}", _cancellation, channel: IngestChannels.X, kind: MessageKinds.DirectMessage);
        using var agent = await AgentAsync();

        var policy = (await agent.GetFromJsonAsync<ReplyPolicyView>($"api/conversations/{conversation.Id}/replies/policy", _cancellation))!;
        var draft = (await agent.GetFromJsonAsync<DraftView>($"api/conversations/{conversation.Id}/draft", _cancellation))!;

        Assert.Equal(["public", "private"], policy.Visibilities);
        Assert.Equal((ReplyVisibilities.Private, true), (policy.DefaultVisibility, policy.CustomerWrotePrivately));
        Assert.Equal(ReplyVisibilities.Private, draft.Visibility);
    }

    [Fact]
    public async Task A_public_mention_on_x_is_answered_in_public()
    {
        var (conversation, _, _) = await fixture.OpenAsync($"Where is my parcel, it was due on Monday {Replying.NewWord()}", _cancellation, channel: IngestChannels.X);
        using var agent = await AgentAsync();

        var policy = (await agent.GetFromJsonAsync<ReplyPolicyView>($"api/conversations/{conversation.Id}/replies/policy", _cancellation))!;

        Assert.Equal((ReplyVisibilities.Public, false), (policy.DefaultVisibility, policy.CustomerWrotePrivately));
    }

    private async Task<HttpClient> AgentAsync()
    {
        var (_, token) = await fixture.DemoStaffAsync("agent", _cancellation);
        return fixture.CreateClient(token);
    }
}
