using System.Net;
using Bunit;
using SocialEnterprise.Contracts.Listening;
using SocialEnterprise.Web.Components.Admin;

namespace SocialEnterprise.Web.ComponentTests.Admin;

public sealed class ParkedEventsTests : WorkspaceContext
{
    private const string FirstPage = "/api/ingest/parked?limit=25&offset=0";

    public ParkedEventsTests() => SignInAs("admin");

    [Fact]
    public void Parked_events_show_their_last_error_and_attempts()
    {
        Api.Answer(HttpMethod.Get, FirstPage, HttpStatusCode.OK, Page(Parked("Npgsql: connection refused", 5)));

        var page = Render<ParkedEvents>();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=parked-event]")));
        Assert.Equal("Npgsql: connection refused", page.Find("[data-testid=parked-last-error]").TextContent);
        Assert.Equal("5", page.Find("[data-testid=parked-attempts]").TextContent);
        Assert.Equal("1 parked event", page.Find("[data-testid=parked-total]").TextContent);
    }

    [Fact]
    public void Nothing_parked_is_good_news()
    {
        Api.Answer(HttpMethod.Get, FirstPage, HttpStatusCode.OK, Page());

        var page = Render<ParkedEvents>();

        page.WaitForAssertion(() => Assert.Contains("Nothing is parked", page.Find("[data-testid=parked-empty]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public void Replaying_posts_the_event_back_to_the_queue_and_the_row_leaves_the_list()
    {
        var parked = Parked("timeout", 5);
        Api.Answer(HttpMethod.Get, FirstPage, HttpStatusCode.OK, Page(parked));
        Api.Answer(HttpMethod.Post, $"/api/ingest/parked/{parked.Id}/replay", HttpStatusCode.Accepted);
        var layers = RenderLayers();
        var page = Render<ParkedEvents>();

        page.WaitForAssertion(() => page.Find("[data-testid=replay]").Click());

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=parked-event]")));
        Assert.Single(Api.CallsTo(HttpMethod.Post, $"/api/ingest/parked/{parked.Id}/replay"));
        layers.Snackbars.WaitForAssertion(() => Assert.Contains("Replayed — it is back in the queue", layers.Snackbars.Markup, StringComparison.Ordinal));
    }

    [Fact]
    public void An_event_no_longer_parked_is_not_replayed_and_the_Api_says_why()
    {
        var parked = Parked("timeout", 5);
        Api.Answer(HttpMethod.Get, FirstPage, HttpStatusCode.OK, Page(parked));
        Api.Problem(HttpMethod.Post, $"/api/ingest/parked/{parked.Id}/replay", HttpStatusCode.Conflict, "The event is processed, not parked.");
        var layers = RenderLayers();
        var page = Render<ParkedEvents>();

        page.WaitForAssertion(() => page.Find("[data-testid=replay]").Click());

        layers.Snackbars.WaitForAssertion(() => Assert.Contains("Not replayed: The event is processed, not parked.", layers.Snackbars.Markup, StringComparison.Ordinal));
    }

    private static IngestEventPage Page(params IngestEventView[] items) => new(items, items.Length);

    private static IngestEventView Parked(string error, int attempts) => new(
        Guid.NewGuid(), "x", $"ext-{Guid.NewGuid():N}", "mention", "ann", "Ann", "Where is my parcel?", DateTimeOffset.UtcNow, DateTimeOffset.UtcNow,
        "parked", null, null, attempts, error);
}
