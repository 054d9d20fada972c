using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SocialEnterprise.Api.IntegrationTests.Listening;
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

/// <summary>The Api and the intake with the documented approval policy: public replies on reviews and LinkedIn, and replies about privacy.</summary>
public sealed class RepliesFixture(PostgresFixture postgres, RedisFixture redis) : ListeningFixture(postgres, redis)
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("ReplyApproval:Channels:0", "reviews"),
        new("ReplyApproval:Channels:1", "linkedin"),
        new("ReplyApproval:Topics:0", "privacy"),
        new("ReplyApproval:ApproverRoles:0", "manager"),
        new("ReplyApproval:ApproverRoles:1", "admin"),
    ];
}

/// <summary>What the reply tests do again and again: open a conversation, have the customer write again, send, read problems.</summary>
internal static class Replying
{
    public static string NewWord() => $"w{Guid.NewGuid():N}"[..14];

    /// <summary>A conversation the customer opened on <paramref name="channel"/>, and the channel's id of their first message.</summary>
    public static async Task<(ConversationDetail Conversation, string ExternalId, string Handle)> OpenAsync(
        this ListeningFixture fixture, string text, CancellationToken cancellationToken, string channel = "x", string kind = MessageKinds.Mention,
        int? rating = null)
    {
        var handle = $"rep_{Guid.NewGuid():N}"[..16];
        var externalId = ChannelEvents.NewId();
        var id = await fixture.IngestAsync(
            channel, ChannelEvents.Event(text, handle, "Robin Customer", kind, externalId: externalId, rating: rating), cancellationToken);
        await fixture.SettleAsync(cancellationToken);
        return (await fixture.ConversationAsync(await fixture.ConversationOfAsync(id, cancellationToken), cancellationToken), externalId, handle);
    }

    /// <summary>The customer writes again in the same thread; returns the id of their new message.</summary>
    public static async Task<Guid> CustomerWritesAgainAsync(
        this ListeningFixture fixture, Guid conversationId, string parentExternalId, string handle, string text, CancellationToken cancellationToken,
        string channel = "x")
    {
        var id = await fixture.IngestAsync(
            channel, ChannelEvents.Event(text, handle, "Robin Customer", MessageKinds.Mention, inReplyTo: parentExternalId), cancellationToken);
        await fixture.SettleAsync(cancellationToken);
        Assert.Equal(conversationId, await fixture.ConversationOfAsync(id, cancellationToken));
        var detail = await fixture.ConversationAsync(conversationId, cancellationToken);
        return detail.Messages.Single(m => m.Text == text).Id;
    }

    public static Task<HttpResponseMessage> SendAsync(
        this HttpClient client, Guid conversationId, string text, int version, CancellationToken cancellationToken,
        string visibility = ReplyVisibilities.Public) =>
        client.PostAsJsonAsync($"api/conversations/{conversationId}/replies", new SendReplyRequest(text, visibility, version), cancellationToken);

    public static async Task<ReplyView> SentAsync(this HttpResponseMessage response, CancellationToken cancellationToken)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        return (await response.Content.ReadFromJsonAsync<ReplyView>(cancellationToken))!;
    }

    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response, HttpStatusCode status, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.StartsWith("application/problem+json", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task<IReadOnlyCollection<string>> FieldsAsync(this HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, cancellationToken);
        return problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
    }
}
