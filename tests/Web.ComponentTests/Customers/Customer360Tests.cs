using System.Net;
using Bunit;
using SocialEnterprise.Contracts.Conversations;
using SocialEnterprise.Contracts.Customers;
using SocialEnterprise.Web.ComponentTests.Conversations;
using SocialEnterprise.Web.Components.Customers;

namespace SocialEnterprise.Web.ComponentTests.Customers;

public sealed class Customer360Tests : PresenceWorkspaceContext
{
    private static readonly DateTimeOffset Start = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly Guid _id = Guid.NewGuid();

    public Customer360Tests()
    {
        SignInAs("agent");
        Api.Answer(HttpMethod.Get, $"/api/customers/{_id}", HttpStatusCode.OK, Profile(_id, []));
        Api.Answer(HttpMethod.Get, $"/api/customers/{_id}/timeline", HttpStatusCode.OK, new TimelinePage([], null));
        Api.Answer(HttpMethod.Get, $"/api/customers/{_id}/sentiment", HttpStatusCode.OK, Array.Empty<SentimentPoint>());
        Api.Answer(HttpMethod.Get, $"/api/customers/{_id}/unified-front", HttpStatusCode.OK, new UnifiedFront(14, [], []));
    }

    [Fact]
    public void Every_identity_shows_with_its_channel_evidence_and_consent()
    {
        Api.Answer(HttpMethod.Get, $"/api/customers/{_id}", HttpStatusCode.OK, Profile(_id, [],
            Identity("x", "annlee", 1200, "first seen on x", "granted", "replied to our DM"),
            Identity("email", "ann@example.test", 0, "same email ann@example.test as x/@annlee", "unknown", "")));

        var panel = Render<Customer360>(parameters => parameters.Add(p => p.CustomerId, _id));

        panel.WaitForAssertion(() => Assert.Equal(2, panel.FindAll("[data-testid=identity]").Count));
        var identities = panel.FindAll("[data-testid=identity]").ToDictionary(identity => identity.GetAttribute("data-channel")!);
        Assert.Contains("@annlee", identities["x"].TextContent, StringComparison.Ordinal);
        Assert.Contains("1200 followers", identities["x"].TextContent, StringComparison.Ordinal);
        Assert.Contains("first seen on x", identities["x"].TextContent, StringComparison.Ordinal);
        Assert.Equal("Consent: granted (replied to our DM)", identities["x"].QuerySelector("[data-testid=consent]")!.TextContent.Trim());
        Assert.Contains("ann@example.test", identities["email"].TextContent, StringComparison.Ordinal);
        Assert.Equal("unknown", identities["email"].QuerySelector("[data-testid=consent]")!.GetAttribute("data-consent"));
        Assert.Equal("vip", panel.Find("[data-testid=customer-tier]").TextContent.Trim());
        Assert.Equal("Influence 1200", panel.Find("[data-testid=customer-influence]").TextContent.Trim());
    }

    [Fact]
    public void The_unified_front_shows_each_colleague_and_what_is_open_per_department()
    {
        var legalCase = Guid.NewGuid();
        Api.Answer(HttpMethod.Get, $"/api/customers/{_id}/unified-front", HttpStatusCode.OK, new UnifiedFront(14,
            [
                new UnifiedFrontEntry(Guid.NewGuid(), "Lena Legal", "legal", 3, Start, "added a note",
                    [new UnifiedFrontConversation(legalCase, "I will sue you", "open", "legal", true)]),
                new UnifiedFrontEntry(Guid.NewGuid(), "Alex Agent", "support", 1, Start.AddDays(-2), "resolved the conversation", []),
            ],
            [new DepartmentOpenCount("legal", 1), new DepartmentOpenCount("support", 2)]));

        var panel = Render<Customer360>(parameters => parameters.Add(p => p.CustomerId, _id));

        panel.WaitForAssertion(() => Assert.Equal(2, panel.FindAll("[data-testid=unified-front-entry]").Count));
        var lena = panel.Find("[data-testid=unified-front-entry][data-staff-name='Lena Legal']");
        Assert.Contains("Legal", lena.TextContent, StringComparison.Ordinal);
        Assert.Contains($"Added a note {Start.ToLocalTime():yyyy-MM-dd HH:mm}", lena.TextContent, StringComparison.Ordinal);
        Assert.Contains("3 engagements", lena.TextContent, StringComparison.Ordinal);
        var open = lena.QuerySelector("[data-testid=unified-front-conversation]")!;
        Assert.Equal($"/conversations/{legalCase}", open.GetAttribute("href"));
        Assert.Contains("Assigned: I will sue you", open.TextContent, StringComparison.Ordinal);
        Assert.Empty(panel.Find("[data-testid=unified-front-entry][data-staff-name='Alex Agent']").QuerySelectorAll("[data-testid=unified-front-conversation]"));
        Assert.Equal(["Legal: 1 open", "Support: 2 open"], panel.FindAll("[data-testid=open-by-department]").Select(chip => chip.TextContent.Trim()));
    }

    [Fact]
    public void Only_open_conversations_are_listed_as_open()
    {
        var open = Summary("Where is my parcel?", ConversationStatuses.Pending);
        Api.Answer(HttpMethod.Get, $"/api/customers/{_id}", HttpStatusCode.OK, Profile(_id, [open, Summary("Thanks!", ConversationStatuses.Resolved)]));

        var panel = Render<Customer360>(parameters => parameters.Add(p => p.CustomerId, _id));

        panel.WaitForAssertion(() => Assert.Single(panel.FindAll("[data-testid=open-conversation]")));
        Assert.Equal(open.Id.ToString(), panel.Find("[data-testid=open-conversation]").GetAttribute("data-conversation-id"));
        Assert.Equal($"/conversations/{open.Id}", panel.Find("[data-testid=open-conversation] a").GetAttribute("href"));
    }

    [Fact]
    public void Load_more_asks_for_the_interactions_before_the_last_page()
    {
        var before = Start.AddDays(-1);
        Api.Answer(HttpMethod.Get, $"/api/customers/{_id}/timeline", call => call.PathAndQuery.Contains("before=", StringComparison.Ordinal)
            ? Json(new TimelinePage([Item("note", "Older note", Start.AddDays(-2))], null))
            : Json(new TimelinePage([Item("message", "Newest message", Start), Item("message", "Second message", Start.AddHours(-1))], before)));
        var panel = Render<Customer360>(parameters => parameters.Add(p => p.CustomerId, _id));
        panel.WaitForAssertion(() => Assert.Equal(2, panel.FindAll("[data-testid=timeline-item]").Count));

        panel.Find("[data-testid=timeline-more]").Click();

        panel.WaitForAssertion(() => Assert.Equal(3, panel.FindAll("[data-testid=timeline-item]").Count));
        Assert.Equal(["message", "message", "note"], panel.FindAll("[data-testid=timeline-item]").Select(item => item.GetAttribute("data-kind")));
        Assert.Contains("Older note", panel.FindAll("[data-testid=timeline-item]")[2].TextContent, StringComparison.Ordinal);
        var more = Api.CallsTo(HttpMethod.Get, $"/api/customers/{_id}/timeline").Last();
        Assert.Contains($"before={Uri.EscapeDataString(before.ToString("O"))}", more.PathAndQuery, StringComparison.Ordinal);
        Assert.Empty(panel.FindAll("[data-testid=timeline-more]"));
    }

    [Fact]
    public void Sentiment_over_time_is_charted()
    {
        Api.Answer(HttpMethod.Get, $"/api/customers/{_id}/sentiment?days=90", HttpStatusCode.OK, new[]
        {
            new SentimentPoint(new DateOnly(2025, 3, 1), -0.6, 2),
            new SentimentPoint(new DateOnly(2025, 3, 2), 0.4, 1),
        });

        var panel = Render<Customer360>(parameters => parameters.Add(p => p.CustomerId, _id));

        panel.WaitForAssertion(() => Assert.Equal("2", panel.Find("[data-testid=sentiment-chart]").GetAttribute("data-points")));
        Assert.NotNull(panel.Find("[data-testid=sentiment-chart]").QuerySelector("svg"));
        Assert.Empty(panel.FindAll("[data-testid=sentiment-empty]"));
        Assert.Contains("latest 40 on 2 Mar", panel.Find("[data-testid=sentiment-chart]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Thirty_days_of_sentiment_keep_every_point_and_name_about_one_a_week()
    {
        JSInterop.Setup<MudBlazor.Interop.ElementSize>("mudObserveElementSize", _ => true)
            .SetResult(new MudBlazor.Interop.ElementSize { Width = 600, Height = 180, Timestamp = 1 });
        var days = Enumerable.Range(0, 30).Select(day => new SentimentPoint(new DateOnly(2025, 3, 1).AddDays(day), day % 2 == 0 ? -0.2 : 0.3, 1)).ToArray();
        Api.Answer(HttpMethod.Get, $"/api/customers/{_id}/sentiment?days=90", HttpStatusCode.OK, days);

        var panel = Render<Customer360>(parameters => parameters.Add(p => p.CustomerId, _id));

        panel.WaitForAssertion(() => Assert.Equal("30", panel.Find("[data-testid=sentiment-chart]").GetAttribute("data-points")));
        var named = panel.FindAll("[data-testid=sentiment-chart] .mud-charts-xaxis text").Select(label => label.TextContent.Trim()).Where(label => label.Length > 0).ToList();
        Assert.Equal(["1 Mar", "8 Mar", "15 Mar", "22 Mar", "29 Mar"], named);
    }

    [Fact]
    public void Without_sentiment_data_the_chart_says_so()
    {
        var panel = Render<Customer360>(parameters => parameters.Add(p => p.CustomerId, _id));

        panel.WaitForAssertion(() => panel.Find("[data-testid=sentiment-empty]"));
        Assert.Null(panel.Find("[data-testid=sentiment-chart]").QuerySelector("svg"));
        Assert.Contains("/sentiment?days=90", Api.CallsTo(HttpMethod.Get, $"/api/customers/{_id}/sentiment")[0].PathAndQuery, StringComparison.Ordinal);
        Assert.Contains("/unified-front?days=14", Api.CallsTo(HttpMethod.Get, $"/api/customers/{_id}/unified-front")[0].PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_message_from_this_customer_reloads_the_panel_and_others_do_not()
    {
        var panel = Render<Customer360>(parameters => parameters.Add(p => p.CustomerId, _id));
        panel.WaitForAssertion(() => panel.Find("[data-testid=timeline-empty]"));
        var loads = Api.CallsTo(HttpMethod.Get, $"/api/customers/{_id}").Count;

        await panel.InvokeAsync(() => Live.PublishAsync(Envelope(
            new MessageReceived(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "x", "support", "someone else", "question", "neutral", Start), 50)));
        Api.Answer(HttpMethod.Get, $"/api/customers/{_id}/timeline", HttpStatusCode.OK, new TimelinePage([Item("message", "I am back", Start)], null));
        await panel.InvokeAsync(() => Live.PublishAsync(Envelope(
            new MessageReceived(Guid.NewGuid(), Guid.NewGuid(), _id, "x", "support", "I am back", "question", "neutral", Start), 51)));

        panel.WaitForAssertion(() => Assert.Single(panel.FindAll("[data-testid=timeline-item]")));
        Assert.Equal(loads + 1, Api.CallsTo(HttpMethod.Get, $"/api/customers/{_id}").Count);
    }

    [Fact]
    public void A_customer_that_is_not_there_says_so()
    {
        Api.Answer(HttpMethod.Get, $"/api/customers/{_id}", HttpStatusCode.NotFound);

        var panel = Render<Customer360>(parameters => parameters.Add(p => p.CustomerId, _id));

        panel.WaitForAssertion(() => panel.Find("[data-testid=customer-not-found]"));
        Assert.Empty(panel.FindAll("[data-testid=identity]"));
    }

    internal static CustomerProfile Profile(Guid id, IReadOnlyList<ConversationSummary> conversations, params IdentityView[] identities) =>
        new(id, "Ann Lee", "ann@example.test", "vip", 1200, Start, null, identities, conversations);

    private static IdentityView Identity(string channel, string handle, int followers, string evidence, string consent, string basis) => new(
        Guid.NewGuid(), channel, handle, "Ann Lee", null, followers, evidence, "first-seen", new ConsentView(consent, basis, Start), Start, Start);

    private ConversationSummary Summary(string preview, string status) => new(
        Guid.NewGuid(), _id, "Ann Lee", "x", status, "question", "neutral", null, "normal", "support", preview, Start, 1);

    private static TimelineItem Item(string kind, string text, DateTimeOffset at) =>
        new(Guid.NewGuid(), kind, at, "x", Guid.NewGuid(), text, "Ann Lee", kind == "message" ? "neutral" : null, kind == "message" ? 0 : null, null);

    private static HttpResponseMessage Json(object body) => new(HttpStatusCode.OK) { Content = System.Net.Http.Json.JsonContent.Create(body) };
}
