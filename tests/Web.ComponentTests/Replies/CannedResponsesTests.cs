using System.Net;
using Bunit;
using SocialEnterprise.Contracts.Replies;
using SocialEnterprise.Web.Components.Replies;

namespace SocialEnterprise.Web.ComponentTests.Replies;

public sealed class CannedResponsesTests : WorkspaceContext
{
    private static readonly DateTimeOffset Start = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_manager_adds_one_for_their_department_and_an_unknown_variable_shows_under_the_text()
    {
        SignInAs("support.manager");
        var everyone = new CannedResponseView(Guid.NewGuid(), "Thank you", "Thanks, {{customer.firstName}}!", null, "thanks", "seed", Start);
        Api.Answer(HttpMethod.Get, "/api/canned-responses", HttpStatusCode.OK, new[] { everyone });
        Api.Problem(HttpMethod.Post, "/api/canned-responses", HttpStatusCode.BadRequest,
            errors: new() { ["text"] = ["Unknown variable {{customer.nickname}}; known: {{customer.name}}."] });
        var page = Render<CannedResponses>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=canned-row]")));

        // Managers change only their departments' responses; everyone's belongs to the admins.
        Assert.Empty(page.FindAll("[data-testid=canned-edit]"));
        page.Find("input[data-testid=canned-name]").Change("Nickname");
        page.Find("input[data-testid=canned-shortcut]").Change("nick");
        page.Find("textarea[data-testid=canned-text]").Change("Hi {{customer.nickname}}");
        page.Find("[data-testid=canned-save]").Click();

        page.WaitForAssertion(() => Assert.Contains("Unknown variable {{customer.nickname}}", page.Markup, StringComparison.Ordinal));
        var sent = Api.CallsTo(HttpMethod.Post, "/api/canned-responses").Single().Json;
        Assert.Equal(("support", "nick"), (sent.GetProperty("department").GetString(), sent.GetProperty("shortcut").GetString()));
    }

    [Fact]
    public void A_failed_load_shows_its_reason_and_trying_again_lists_the_responses()
    {
        SignInAs("support.manager");
        var thanks = new CannedResponseView(Guid.NewGuid(), "Thank you", "Thanks, {{customer.firstName}}!", null, "thanks", "seed", Start);

        TryingAgainAfterAFailedLoadShows<CannedResponses>(
            "/api/canned-responses", "The canned responses", "canned-page-error", new[] { thanks }, "[data-testid=canned-row]");
    }
}
