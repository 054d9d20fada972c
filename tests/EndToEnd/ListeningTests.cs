using System.Net;
using System.Net.Http.Json;
using SocialEnterprise.Contracts.Conversations;
using SocialEnterprise.Contracts.Listening;
using SocialEnterprise.Domain.Conversations;
using SocialEnterprise.Domain.Listening;
using SocialEnterprise.Infrastructure.Conversations;
using SocialEnterprise.Infrastructure.Listening;
using SocialEnterprise.Shared;
using SocialEnterprise.TestSupport;

namespace SocialEnterprise.EndToEnd;

/// <summary>The listening loop through the real processes: a channel posts, the Workers carry, the Api shows it.</summary>
public sealed class ListeningTests(StackFixture stack)
{
    private readonly CancellationToken _cancellation = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_signed_event_becomes_a_conversation_within_moments_with_the_documented_dev_secret()
    {
        using var api = stack.ApiClient();
        var word = $"quokka{Guid.NewGuid():N}"[..14];
        var root = ChannelEvents.Event($"My {word} order was charged twice, I need a refund!", $"e2e_{Guid.NewGuid():N}"[..16], "End ToEnd");
        var reply = ChannelEvents.Event("Any update? Still waiting for the refund.", root.Author!.Handle!, "End ToEnd", MessageKinds.Comment, inReplyTo: root.ExternalId);

        using var accepted = await api.PostEventAsync("x", root, IngestSettings.DevSecret, _cancellation);
        using var duplicate = await api.PostEventAsync("x", root, IngestSettings.DevSecret, _cancellation);
        using var answered = await api.PostEventAsync("x", reply, IngestSettings.DevSecret, _cancellation);
        using var unsigned = await api.PostEventAsync("x", root, "not-the-secret", _cancellation);

        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.OK, HttpStatusCode.Accepted, HttpStatusCode.Unauthorized),
            (accepted.StatusCode, duplicate.StatusCode, answered.StatusCode, unsigned.StatusCode));
        ConversationPage? page = null;
        await Eventually.TrueAsync(async () =>
        {
            page = await api.GetFromJsonAsync<ConversationPage>($"api/conversations?q={word}", _cancellation);
            return page!.Total == 1 && page.Items[0].MessageCount == 2;
        }, _cancellation, TimeSpan.FromSeconds(30));

        var conversation = await api.GetFromJsonAsync<ConversationDetail>($"api/conversations/{page!.Items[0].Id}", _cancellation);
        Assert.Equal([root.ExternalId, reply.ExternalId], conversation!.Messages.Select(m => m.ExternalId));
        Assert.All(conversation.Messages, m => Assert.NotNull(m.Classification));
    }
}
