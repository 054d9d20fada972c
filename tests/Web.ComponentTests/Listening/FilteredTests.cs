using System.Net;
using Bunit;
using SocialEnterprise.Contracts.Listening;
using SocialEnterprise.Web.Components.Listening;

namespace SocialEnterprise.Web.ComponentTests.Listening;

public sealed class FilteredTests : WorkspaceContext
{
    private const string FirstPage = "/api/ingest/filtered?limit=25&offset=0";

    public FilteredTests() => SignInAs("agent");

    [Fact]
    public void Filtered_events_show_with_their_channel_author_text_and_reason()
    {
        Api.Answer(HttpMethod.Get, FirstPage, HttpStatusCode.OK, Page(Event("x", "promo_bot", "Win a free phone!", "blocked author @promo_bot"), Event("facebook", "ann", "lol", "banter: no question")));

        var page = Render<Filtered>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=filtered-event]").Count));
        var first = page.Find("[data-testid=filtered-event]");
        Assert.Equal("x", first.GetAttribute("data-channel"));
        Assert.Contains("@promo_bot", first.TextContent, StringComparison.Ordinal);
        Assert.Contains("Win a free phone!", first.TextContent, StringComparison.Ordinal);
        Assert.Equal("blocked author @promo_bot", first.QuerySelector("[data-testid=filtered-reason]")!.TextContent);
        Assert.Equal("2 events", page.Find("[data-testid=filtered-total]").TextContent);
        Assert.StartsWith("Bearer ", Assert.Single(Api.Calls).Authorization, StringComparison.Ordinal);
    }

    [Fact]
    public void The_page_shows_it_is_loading_until_the_Api_answers()
    {
        Api.Gate = new TaskCompletionSource();
        Api.Answer(HttpMethod.Get, FirstPage, HttpStatusCode.OK, Page());

        var page = Render<Filtered>();

        Assert.NotEmpty(page.FindAll("[data-testid=filtered-loading]"));
        Api.Gate.SetResult();
        page.WaitForAssertion(() => Assert.Contains("Nothing has been filtered out.", page.Find("[data-testid=filtered-empty]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public void An_Api_failure_is_shown_with_its_reason()
    {
        Api.Problem(HttpMethod.Get, FirstPage, HttpStatusCode.ServiceUnavailable, "The database is not reachable.");

        var page = Render<Filtered>();

        page.WaitForAssertion(() => Assert.Contains(
            "The filtered events could not be loaded: The database is not reachable.", page.Find("[data-testid=filtered-error]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public void Trying_again_after_a_failure_loads_the_page() =>
        TryingAgainAfterAFailedLoadShows<Filtered>(FirstPage, "The filtered events", "filtered-error", Page(), "[data-testid=filtered-empty]");

    [Fact]
    public void Restoring_an_event_asks_first_then_posts_it_and_the_row_leaves_the_list()
    {
        var kept = Event("x", "ann", "hello", "banter");
        var restored = Event("x", "promo_bot", "Win!", "blocked author @promo_bot");
        Api.Answer(HttpMethod.Get, FirstPage, HttpStatusCode.OK, Page(restored, kept));
        Api.Answer(HttpMethod.Post, $"/api/ingest/filtered/{restored.Id}/restore", HttpStatusCode.Accepted);
        var layers = RenderLayers();
        var page = Render<Filtered>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=filtered-event]").Count));

        page.Find($"[data-testid=filtered-event][data-id='{restored.Id}'] [data-testid=restore]").Click();
        layers.Dialogs.WaitForAssertion(() => Assert.Contains("@promo_bot", layers.Dialogs.Markup, StringComparison.Ordinal));
        Assert.Empty(Api.CallsTo(HttpMethod.Post, $"/api/ingest/filtered/{restored.Id}/restore"));
        layers.Dialogs.FindAll("button").Single(button => button.TextContent.Trim() == "Restore").Click();

        page.WaitForAssertion(() => Assert.Equal(kept.Id.ToString(), Assert.Single(page.FindAll("[data-testid=filtered-event]")).GetAttribute("data-id")));
        Assert.Single(Api.CallsTo(HttpMethod.Post, $"/api/ingest/filtered/{restored.Id}/restore"));
        layers.Snackbars.WaitForAssertion(() => Assert.Contains("Restored — it will appear in the inbox", layers.Snackbars.Markup, StringComparison.Ordinal));
        Assert.Equal("1 event", page.Find("[data-testid=filtered-total]").TextContent);
    }

    [Fact]
    public void An_event_no_longer_filtered_is_not_restored_and_the_Api_says_why()
    {
        var gone = Event("x", "promo_bot", "Win!", "blocked author @promo_bot");
        Api.Answer(HttpMethod.Get, FirstPage, HttpStatusCode.OK, Page(gone));
        Api.Problem(HttpMethod.Post, $"/api/ingest/filtered/{gone.Id}/restore", HttpStatusCode.Conflict, "The event is queued, not filtered.");
        var layers = RenderLayers();
        var page = Render<Filtered>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=filtered-event]")));

        page.Find("[data-testid=restore]").Click();
        layers.Dialogs.WaitForAssertion(() => layers.Dialogs.FindAll("button").Single(button => button.TextContent.Trim() == "Restore").Click());

        layers.Snackbars.WaitForAssertion(() => Assert.Contains("Not restored: The event is queued, not filtered.", layers.Snackbars.Markup, StringComparison.Ordinal));
    }

    [Fact]
    public void Choosing_a_channel_asks_the_Api_for_that_channel_only()
    {
        Api.Answer(HttpMethod.Get, FirstPage, HttpStatusCode.OK, Page(Event("x", "ann", "hi", "banter")));
        Api.Answer(HttpMethod.Get, "/api/ingest/filtered?channel=reviews&limit=25&offset=0", HttpStatusCode.OK, Page());
        var layers = RenderLayers();
        var page = Render<Filtered>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=filtered-event]")));

        Choose(page.Find("input[data-testid=filter-channel]"), "reviews", layers);

        page.WaitForAssertion(() => Assert.Contains("Nothing has been filtered out on reviews.", page.Find("[data-testid=filtered-empty]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public void More_events_than_a_page_are_paged_through()
    {
        Api.Answer(HttpMethod.Get, FirstPage, HttpStatusCode.OK, new IngestEventPage([.. Enumerable.Range(0, 25).Select(i => Event("x", $"a{i}", "hi", "banter"))], 30));
        Api.Answer(HttpMethod.Get, "/api/ingest/filtered?limit=25&offset=25", HttpStatusCode.OK,
            new IngestEventPage([.. Enumerable.Range(25, 5).Select(i => Event("x", $"a{i}", "hi", "banter"))], 30));
        var page = Render<Filtered>();
        page.WaitForAssertion(() => Assert.Equal(25, page.FindAll("[data-testid=filtered-event]").Count));

        page.FindAll("[data-testid=filtered-pages] button").Single(button => button.TextContent.Trim() == "2").Click();

        page.WaitForAssertion(() => Assert.Equal(5, page.FindAll("[data-testid=filtered-event]").Count));
        Assert.Equal("a25", page.Find("[data-testid=filtered-event]").GetAttribute("data-author"));
    }

    private static IngestEventPage Page(params IngestEventView[] items) => new(items, items.Length);

    private static IngestEventView Event(string channel, string handle, string text, string reason) => new(
        Guid.NewGuid(), channel, $"ext-{Guid.NewGuid():N}", "mention", handle, handle.ToUpperInvariant(), text, DateTimeOffset.UtcNow,
        DateTimeOffset.UtcNow, "filtered", reason, Guid.NewGuid(), 1, null);
}
