using System.Net;
using System.Net.Http.Json;
using SocialEnterprise.Api.IntegrationTests.Listening;
using SocialEnterprise.Contracts.Collaboration;
using SocialEnterprise.Contracts.Conversations;
using SocialEnterprise.Contracts.Listening;
using SocialEnterprise.Domain.Collaboration;
using SocialEnterprise.Domain.Conversations;
using SocialEnterprise.Domain.Listening;
using SocialEnterprise.Infrastructure.Collaboration;
using SocialEnterprise.Infrastructure.Conversations;
using SocialEnterprise.Infrastructure.Listening;
using SocialEnterprise.TestSupport;

namespace SocialEnterprise.Api.IntegrationTests.Collaboration;

/// <summary>What the collaboration tests do again and again: open conversations, ask, answer, read notifications.</summary>
internal static class Collaboration
{
    public static async Task<ConversationDetail> OpenAsync(
        this ListeningFixture fixture, string text, CancellationToken cancellationToken, string? handle = null)
    {
        var id = await fixture.IngestAsync(
            "x", ChannelEvents.Event(text, handle ?? $"col_{Guid.NewGuid():N}"[..16], "Col Laborator", MessageKinds.Mention), cancellationToken);
        await fixture.SettleAsync(cancellationToken);
        return await fixture.ConversationAsync(await fixture.ConversationOfAsync(id, cancellationToken), cancellationToken);
    }

    public static async Task<ConsultView> AskAsync(
        this HttpClient client, Guid conversationId, string target, string question, CancellationToken cancellationToken, DateTimeOffset? neededBy = null)
    {
        using var response = await client.PostAsJsonAsync(
            $"api/conversations/{conversationId}/consults", new ConsultRequest(target, question, neededBy, Priorities.High), cancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        return (await response.Content.ReadFromJsonAsync<ConsultView>(cancellationToken))!;
    }

    public static async Task<NotificationPage> NotificationsAsync(this HttpClient client, CancellationToken cancellationToken) =>
        (await client.GetFromJsonAsync<NotificationPage>("api/notifications?limit=200", cancellationToken))!;

    public static string NewWord() => $"w{Guid.NewGuid():N}"[..14];
}
