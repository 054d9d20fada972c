using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using SocialEnterprise.Api.IntegrationTests.Listening;
using SocialEnterprise.Contracts.Conversations;
using SocialEnterprise.Contracts.Customers;
using SocialEnterprise.Contracts.Listening;
using SocialEnterprise.Domain.Conversations;
using SocialEnterprise.Domain.Customers;
using SocialEnterprise.Domain.Listening;
using SocialEnterprise.Infrastructure.Conversations;
using SocialEnterprise.Infrastructure.Customers;
using SocialEnterprise.Infrastructure.Listening;
using SocialEnterprise.TestSupport;

namespace SocialEnterprise.Api.IntegrationTests.Workspace;

/// <summary>
/// The Customer 360: one customer across channels, one timeline, their mood over time, and the colleagues of every
/// department who engaged them, each caller seeing only what they may.
/// </summary>
public sealed class Customer360Tests(ListeningFixture intake) : IClassFixture<ListeningFixture>
{
    private readonly CancellationToken _cancellation = TestContext.Current.CancellationToken;

    [Fact]
    public async Task One_customer_across_channels_has_one_timeline_a_sentiment_curve_and_a_unified_front_of_every_department()
    {
        var email = $"{Guid.NewGuid():N}@example.com";
        var billing = await OpenAsync("email", ChannelEvents.Event(
            "I was charged twice on my invoice, I want a refund!", email, "Rosa Diaz", MessageKinds.Email, email: email));
        var chat = await OpenAsync("chat", ChannelEvents.Event(
            "Hi, where can I find my invoices? Thanks, great service otherwise", $"visitor-{Guid.NewGuid():N}"[..16], "Rosa", MessageKinds.Chat, email: email));
        var privacy = await OpenAsync("email", ChannelEvents.Event(
            "Under GDPR I request that you delete all my personal data.", email, "Rosa Diaz", MessageKinds.Email, externalId: ChannelEvents.NewId(), email: email));
        Assert.Equal(billing.CustomerId, chat.CustomerId);
        Assert.Equal(billing.CustomerId, privacy.CustomerId);
        Assert.Equal("support", billing.Department);
        Assert.Equal("legal", privacy.Department);
        var customer = billing.CustomerId;

        var (agentId, agentToken) = await intake.DemoStaffAsync("agent", _cancellation);
        var (_, legalToken) = await intake.DemoStaffAsync("legal", _cancellation);
        var (_, marketingToken) = await intake.DemoStaffAsync("marketing", _cancellation);
        using var agent = intake.CreateClient(agentToken);
        using var legal = intake.CreateClient(legalToken);
        using var marketing = intake.CreateClient(marketingToken);
        using var admin = intake.CreateClient();
        await PostAsync(agent, $"api/conversations/{billing.Id}/notes", new NoteRequest("Refund of the double charge requested from finance."));
        await PutAsync(agent, $"api/conversations/{billing.Id}/assignee", new AssignRequest(agentId));
        await PostAsync(legal, $"api/conversations/{privacy.Id}/notes", new NoteRequest("Erasure request logged; 30 days to answer."));

        var profile = (await admin.GetFromJsonAsync<CustomerProfile>($"api/customers/{customer}", _cancellation))!;
        Assert.Equal(["chat", "email"], profile.Identities.Select(i => i.Channel).Order(StringComparer.Ordinal));
        Assert.Equal(3, profile.Conversations.Count);

        // One timeline: every message on every channel and every note, newest first, paged.
        var first = (await admin.GetFromJsonAsync<TimelinePage>($"api/customers/{customer}/timeline?limit=3", _cancellation))!;
        var rest = (await admin.GetFromJsonAsync<TimelinePage>(
            $"api/customers/{customer}/timeline?limit=3&before={Uri.EscapeDataString(first.Before!.Value.ToString("O"))}", _cancellation))!;
        var timeline = first.Items.Concat(rest.Items).ToList();
        Assert.Equal(5, timeline.Count);
        Assert.Null(rest.Before);
        Assert.Equal(timeline.OrderByDescending(i => i.At).Select(i => i.Id), timeline.Select(i => i.Id));
        Assert.Equal(["email", "chat", "email"], timeline.Where(i => i.Kind == MessageDirections.Inbound).Select(i => i.Channel).Reverse());
        Assert.Equal(2, timeline.Count(i => i.Kind == "note"));
        Assert.All(timeline.Where(i => i.Kind == MessageDirections.Inbound), i => Assert.NotNull(i.SentimentScore));

        // Sentiment over time: each day's average of what the customer wrote (today's, or yesterday's and today's when
        // the test runs across midnight).
        var sentiment = (await admin.GetFromJsonAsync<List<SentimentPoint>>($"api/customers/{customer}/sentiment?days=30", _cancellation))!;
        var scores = timeline.Where(i => i.SentimentScore is not null).Select(i => i.SentimentScore!.Value).ToList();
        Assert.InRange(sentiment.Count, 1, 2);
        Assert.Equal(3, sentiment.Sum(point => point.Messages));
        Assert.Equal(scores.Average(), sentiment.Sum(point => point.Average * point.Messages) / 3, 2);

        // The unified front: support and legal both engaged, with what is open with each.
        var front = (await admin.GetFromJsonAsync<UnifiedFront>($"api/customers/{customer}/unified-front", _cancellation))!;
        var alex = Assert.Single(front.Colleagues, c => c.StaffName == "Alex Agent");
        var lena = Assert.Single(front.Colleagues, c => c.StaffName == "Lena Legal");
        Assert.Equal(("support", 2), (alex.Department, alex.Engagements));
        Assert.StartsWith("assigned", alex.LastAction, StringComparison.Ordinal);
        Assert.True(Assert.Single(alex.OpenConversations).AssignedToThem);
        Assert.Equal(("legal", privacy.Id), (lena.Department, Assert.Single(lena.OpenConversations).Id));
        Assert.Equal(front.Colleagues.OrderByDescending(c => c.LastEngagedAt), front.Colleagues);
        Assert.Equal(
            [("support", 2), ("legal", 1)],
            front.OpenByDepartment.Select(d => (d.Department, d.Open)));

        // Each caller sees the part of the customer they may: legal their conversation and note, marketing nothing.
        var legalTimeline = (await legal.GetFromJsonAsync<TimelinePage>($"api/customers/{customer}/timeline", _cancellation))!;
        Assert.All(legalTimeline.Items, i => Assert.Equal(privacy.Id, i.ConversationId));
        Assert.Equal(2, legalTimeline.Items.Count);
        var legalFront = (await legal.GetFromJsonAsync<UnifiedFront>($"api/customers/{customer}/unified-front", _cancellation))!;
        Assert.Equal(["Lena Legal"], legalFront.Colleagues.Select(c => c.StaffName));
        Assert.Equal([("legal", 1)], legalFront.OpenByDepartment.Select(d => (d.Department, d.Open)));
        foreach (var path in new[] { "", "/timeline", "/sentiment", "/unified-front" })
        {
            using var response = await marketing.GetAsync($"api/customers/{customer}{path}", _cancellation);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    [Fact]
    public async Task Out_of_range_paging_and_windows_are_named_in_problem_details()
    {
        var conversation = await OpenAsync("x", ChannelEvents.Event("My parcel is lost, where is my delivery?", $"par_{Guid.NewGuid():N}"[..16], "Par Cel"));
        using var admin = intake.CreateClient();

        foreach (var (path, field) in new[] { ("timeline?limit=0", "limit"), ("sentiment?days=0", "days"), ("unified-front?days=91", "days") })
        {
            using var response = await admin.GetAsync($"api/customers/{conversation.CustomerId}/{path}", _cancellation);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains($"\"{field}\"", await response.Content.ReadAsStringAsync(_cancellation), StringComparison.Ordinal);
        }
    }

    private async Task<ConversationDetail> OpenAsync(string channel, IngestEventRequest request)
    {
        var id = await intake.IngestAsync(channel, request, _cancellation);
        await intake.SettleAsync(_cancellation);
        await Task.Delay(5, _cancellation);
        return await intake.ConversationAsync(await intake.ConversationOfAsync(id, _cancellation), _cancellation);
    }

    private async Task PostAsync(HttpClient client, string path, object body)
    {
        using var response = await client.PostAsJsonAsync(path, body, _cancellation);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode}");
        await Task.Delay(5, _cancellation);
    }

    private async Task PutAsync(HttpClient client, string path, object body)
    {
        using var response = await client.PutAsJsonAsync(path, body, _cancellation);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode}");
        await Task.Delay(5, _cancellation);
    }
}
