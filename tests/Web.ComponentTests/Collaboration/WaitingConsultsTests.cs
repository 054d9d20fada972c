using System.Net;
using Bunit;
using SocialEnterprise.Contracts.Collaboration;
using SocialEnterprise.Web.Components.Collaboration;

namespace SocialEnterprise.Web.ComponentTests.Collaboration;

public sealed class WaitingConsultsTests : WorkspaceContext
{
    private static readonly DateTimeOffset Start = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Consults_asked_of_my_department_appear_live_and_others_do_not_reload_the_page()
    {
        SignInAs("legal");
        var first = ConsultsPanelTests.Consult(Guid.NewGuid(), "legal", clock: ConsultClockStates.Overdue);
        Api.Answer(HttpMethod.Get, "/api/consults", HttpStatusCode.OK, new[] { first });
        var page = Render<WaitingConsults>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=waiting-consult]")));
        Assert.Contains("Overdue", page.Find("[data-testid=waiting-consult-clock]").TextContent, StringComparison.Ordinal);
        Assert.Equal($"/conversations/{first.ConversationId}", page.Find("[data-testid=waiting-consult-open]").GetAttribute("href"));
        var loads = Api.CallsTo(HttpMethod.Get, "/api/consults").Count;

        var second = ConsultsPanelTests.Consult(Guid.NewGuid(), "legal");
        Api.Answer(HttpMethod.Get, "/api/consults", HttpStatusCode.OK, new[] { first, second });
        await page.InvokeAsync(() => Live.PublishAsync(Envelope(new ConsultRequested(
            Guid.NewGuid(), Guid.NewGuid(), "support", "support", "engineering", Guid.NewGuid(), "Alex Agent", "Not ours", "high", Start, Start), 3)));
        await page.InvokeAsync(() => Live.PublishAsync(Envelope(new ConsultRequested(
            second.Id, second.ConversationId, "support", "support", "legal", Guid.NewGuid(), "Alex Agent", "Ours", "high", Start, Start), 4)));

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=waiting-consult]").Count));
        Assert.Equal(loads + 1, Api.CallsTo(HttpMethod.Get, "/api/consults").Count);
        Assert.Equal("2 waiting", page.Find("[data-testid=consults-count]").TextContent.Trim());
    }

    [Fact]
    public void A_failed_load_shows_its_reason_and_trying_again_shows_the_consults()
    {
        SignInAs("legal");

        TryingAgainAfterAFailedLoadShows<WaitingConsults>(
            "/api/consults", "The consults", "consults-error", Array.Empty<ConsultView>(), "[data-testid=no-waiting-consults]");
    }

    [Fact]
    public void Accepting_posts_and_reloads()
    {
        SignInAs("legal");
        var consult = ConsultsPanelTests.Consult(Guid.NewGuid(), "legal");
        Api.Answer(HttpMethod.Get, "/api/consults", HttpStatusCode.OK, new[] { consult });
        Api.Answer(HttpMethod.Post, $"/api/consults/{consult.Id}/accept", _ =>
        {
            Api.Answer(HttpMethod.Get, "/api/consults", HttpStatusCode.OK, new[] { consult with { State = ConsultStates.Accepted } });
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = System.Net.Http.Json.JsonContent.Create(consult with { State = ConsultStates.Accepted }) };
        });
        var page = Render<WaitingConsults>();
        page.WaitForAssertion(() => page.Find("[data-testid=waiting-consult-accept]").Click());

        page.WaitForAssertion(() => Assert.Equal("accepted", page.Find("[data-testid=waiting-consult]").GetAttribute("data-state")));
        Assert.Empty(page.FindAll("[data-testid=waiting-consult-accept]"));
    }
}
