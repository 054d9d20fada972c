using System.Net;
using Bunit;
using SocialEnterprise.Contracts.Customers;
using SocialEnterprise.Web.Components.Customers;

namespace SocialEnterprise.Web.ComponentTests.Customers;

public sealed class MergeSuggestionsTests : WorkspaceContext
{
    private const string Suggestions = "/api/customers/merge-suggestions?status=open";
    private const string Merges = "/api/customers/merges";

    private static readonly CustomerCard Ann = Card("Ann Lee", 1200, Identity("x", "annlee", "first-seen", ""));
    private static readonly CustomerCard AnnOnFacebook = Card("Ann Lee", 80, Identity("facebook", "ann.lee", "first-seen", ""), Identity("email", "ann@example.test", "same-email", "same email ann@example.test as facebook/@ann.lee"));
    private static readonly MergeSuggestionView Suggestion = new(
        Guid.NewGuid(), Ann, AnnOnFacebook, "same name \"Ann Lee\" as facebook/@ann.lee", 0.5, "open", DateTimeOffset.UtcNow);

    public MergeSuggestionsTests() => SignInAs("agent");

    [Fact]
    public void A_suggestion_shows_both_customers_side_by_side_with_the_reason_and_score()
    {
        Api.Answer(HttpMethod.Get, Suggestions, HttpStatusCode.OK, new[] { Suggestion });
        Api.Answer(HttpMethod.Get, Merges, HttpStatusCode.OK, Array.Empty<MergeView>());

        var page = Render<MergeSuggestions>();

        page.WaitForAssertion(() => page.Find("[data-testid=merge-suggestion]"));
        Assert.Equal("Same name \"Ann Lee\" as facebook/@ann.lee", page.Find("[data-testid=suggestion-reason]").TextContent);
        Assert.Equal("Score 50%", page.Find("[data-testid=suggestion-score]").TextContent.Trim());
        var left = page.Find("[data-testid=suggestion-left]");
        var right = page.Find("[data-testid=suggestion-right]");
        Assert.Equal(Ann.Id.ToString(), left.GetAttribute("data-customer-id"));
        Assert.Contains("Influence 1200", left.TextContent, StringComparison.Ordinal);
        Assert.Contains("@annlee", left.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, right.QuerySelectorAll("[data-testid=customer-identity]").Length);
        Assert.Contains("@ann.lee", right.TextContent, StringComparison.Ordinal);
        Assert.Contains("same email ann@example.test as facebook/@ann.lee", right.TextContent, StringComparison.Ordinal);
        Assert.Contains("first seen", left.TextContent, StringComparison.Ordinal);
        Assert.Contains("No customers have been merged yet.", page.Find("[data-testid=merges-empty]").TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("merge-into-left", false)]
    [InlineData("merge-into-right", true)]
    public void Merging_posts_which_customer_moves_into_which(string button, bool intoRight)
    {
        var (source, target) = intoRight ? (Ann, AnnOnFacebook) : (AnnOnFacebook, Ann);
        var merge = Merge(source, target);
        Api.Answer(HttpMethod.Get, Suggestions, HttpStatusCode.OK, new[] { Suggestion });
        Api.Answer(HttpMethod.Get, Merges, HttpStatusCode.OK, Array.Empty<MergeView>());
        Api.Answer(HttpMethod.Post, Merges, _ =>
        {
            Api.Answer(HttpMethod.Get, Suggestions, HttpStatusCode.OK, Array.Empty<MergeSuggestionView>());
            Api.Answer(HttpMethod.Get, Merges, HttpStatusCode.OK, new[] { merge });
            return new HttpResponseMessage(HttpStatusCode.Created) { Content = System.Net.Http.Json.JsonContent.Create(merge) };
        });
        var page = Render<MergeSuggestions>();

        page.WaitForAssertion(() => page.Find($"[data-testid={button}]").Click());

        page.WaitForAssertion(() => Assert.Equal("merged", page.Find("[data-testid=merge]").GetAttribute("data-state")));
        Assert.NotEmpty(page.FindAll("[data-testid=suggestions-empty]"));
        var body = Assert.Single(Api.CallsTo(HttpMethod.Post, Merges)).Json;
        Assert.Equal(source.Id, body.GetProperty("sourceId").GetGuid());
        Assert.Equal(target.Id, body.GetProperty("targetId").GetGuid());
        Assert.Equal(Suggestion.Id, body.GetProperty("suggestionId").GetGuid());
    }

    [Fact]
    public void Not_the_same_person_dismisses_the_suggestion()
    {
        Api.Answer(HttpMethod.Get, Suggestions, HttpStatusCode.OK, new[] { Suggestion });
        Api.Answer(HttpMethod.Get, Merges, HttpStatusCode.OK, Array.Empty<MergeView>());
        Api.Answer(HttpMethod.Post, $"/api/customers/merge-suggestions/{Suggestion.Id}/dismiss", HttpStatusCode.NoContent);
        var page = Render<MergeSuggestions>();

        page.WaitForAssertion(() => page.Find("[data-testid=dismiss-suggestion]").Click());

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=merge-suggestion]")));
        Assert.Single(Api.CallsTo(HttpMethod.Post, $"/api/customers/merge-suggestions/{Suggestion.Id}/dismiss"));
        Assert.Empty(Api.CallsTo(HttpMethod.Post, Merges));
    }

    [Fact]
    public void Undo_posts_the_undo_and_only_merges_not_undone_offer_it()
    {
        var merge = Merge(AnnOnFacebook, Ann);
        var undone = Merge(Card("Bob", 1), Card("Robert", 2)) with { UndoneAt = DateTimeOffset.UtcNow, UndoneBy = "agent2@example.test" };
        Api.Answer(HttpMethod.Get, Suggestions, HttpStatusCode.OK, Array.Empty<MergeSuggestionView>());
        Api.Answer(HttpMethod.Get, Merges, HttpStatusCode.OK, new[] { merge, undone });
        Api.Answer(HttpMethod.Post, $"{Merges}/{merge.Id}/undo", _ =>
        {
            Api.Answer(HttpMethod.Get, Merges, HttpStatusCode.OK, new[] { merge with { UndoneAt = DateTimeOffset.UtcNow, UndoneBy = "agent" }, undone });
            return new HttpResponseMessage(HttpStatusCode.Created) { Content = System.Net.Http.Json.JsonContent.Create(merge) };
        });
        var page = Render<MergeSuggestions>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=merge]").Count));
        Assert.Empty(page.FindAll($"[data-testid=merge][data-id='{undone.Id}'] [data-testid=undo-merge]"));

        page.Find($"[data-testid=merge][data-id='{merge.Id}'] [data-testid=undo-merge]").Click();

        page.WaitForAssertion(() => Assert.Equal("undone", page.Find($"[data-testid=merge][data-id='{merge.Id}']").GetAttribute("data-state")));
        Assert.Single(Api.CallsTo(HttpMethod.Post, $"{Merges}/{merge.Id}/undo"));
        Assert.Empty(page.FindAll("[data-testid=undo-merge]"));
    }

    [Fact]
    public void An_undo_the_Api_refuses_shows_its_reason()
    {
        var merge = Merge(AnnOnFacebook, Ann);
        Api.Answer(HttpMethod.Get, Suggestions, HttpStatusCode.OK, Array.Empty<MergeSuggestionView>());
        Api.Answer(HttpMethod.Get, Merges, HttpStatusCode.OK, new[] { merge });
        Api.Problem(HttpMethod.Post, $"{Merges}/{merge.Id}/undo", HttpStatusCode.Conflict, "Ann Lee was merged again since; undo that merge first.");
        var page = Render<MergeSuggestions>();

        page.WaitForAssertion(() => page.Find("[data-testid=undo-merge]").Click());

        page.WaitForAssertion(() => Assert.Contains(
            "The merge of Ann Lee into Ann Lee was not undone: Ann Lee was merged again since; undo that merge first.",
            page.Find("[data-testid=undo-error]").TextContent, StringComparison.Ordinal));
        Assert.Equal("merged", page.Find("[data-testid=merge]").GetAttribute("data-state"));
    }

    [Fact]
    public void Without_suggestions_and_with_a_failing_Api_the_page_says_so()
    {
        Api.Answer(HttpMethod.Get, Suggestions, HttpStatusCode.OK, Array.Empty<MergeSuggestionView>());
        Api.Problem(HttpMethod.Get, Merges, HttpStatusCode.InternalServerError, "Something broke.");

        var page = Render<MergeSuggestions>();

        page.WaitForAssertion(() => Assert.Contains("No open suggestions", page.Find("[data-testid=suggestions-empty]").TextContent, StringComparison.Ordinal));
        page.WaitForAssertion(() => Assert.Contains("Something broke.", page.Find("[data-testid=merges-error]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public void Trying_again_after_the_suggestions_failed_loads_them_while_the_merges_stay()
    {
        Api.Answer(HttpMethod.Get, Merges, HttpStatusCode.OK, Array.Empty<MergeView>());

        var page = TryingAgainAfterAFailedLoadShows<MergeSuggestions>(
            Suggestions, "The suggestions", "suggestions-error", new[] { Suggestion }, "[data-testid=merge-suggestion]");

        Assert.NotEmpty(page.FindAll("[data-testid=merges-empty]"));
    }

    private static CustomerCard Card(string name, int influence, params IdentityView[] identities) => new(Guid.NewGuid(), name, influence, identities);

    private static IdentityView Identity(string channel, string handle, string evidenceKind, string evidence) => new(
        Guid.NewGuid(), channel, handle, "Ann Lee", null, 10, evidence, evidenceKind, new ConsentView("unknown", "", DateTimeOffset.UtcNow),
        DateTimeOffset.UtcNow, DateTimeOffset.UtcNow);

    private static MergeView Merge(CustomerCard source, CustomerCard target) => new(
        Guid.NewGuid(), source.Id, source.DisplayName, target.Id, target.DisplayName, source.Identities.Count, "agent@example.test", DateTimeOffset.UtcNow, null, null);
}
