using System.Net;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using SocialEnterprise.Contracts.Replies;
using SocialEnterprise.Web.Components.Replies;

namespace SocialEnterprise.Web.ComponentTests.Replies;

public sealed class ApprovalsTests : WorkspaceContext
{
    private static readonly DateTimeOffset Start = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);

    public ApprovalsTests()
    {
        Services.AddSingleton(TimeProvider.System);
        SignInAs("support.manager");
    }

    private static ApprovalView Waiting(string text) => new(
        Guid.NewGuid(), Guid.NewGuid(), "Robin Customer", "reviews", "support", null, "public", text, Guid.NewGuid(), "Alex Agent",
        "Public replies on reviews need approval.", Start);

    [Fact]
    public void Waiting_replies_are_listed_with_why_and_approving_one_sends_it_and_reloads()
    {
        var first = Waiting("We are so sorry, a new one is on its way.");
        Api.Answer(HttpMethod.Get, "/api/approvals", HttpStatusCode.OK, new[] { first });
        Api.Answer(HttpMethod.Post, $"/api/replies/{first.ReplyId}/approve", _ =>
        {
            Api.Answer(HttpMethod.Get, "/api/approvals", HttpStatusCode.OK, Array.Empty<ApprovalView>());
            return new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = System.Net.Http.Json.JsonContent.Create(new ReplyView(
                    first.ReplyId, first.ConversationId, "reviews", "support", "reply", "public", first.Text, ReplyStates.Queued, first.AuthorId, "Alex Agent",
                    Start, first.ApprovalReason, "Sam Support-Manager", Start, null, null, 4)),
            };
        });

        var page = Render<Approvals>();

        page.WaitForAssertion(() => Assert.Contains(first.Text, page.Find("[data-testid=approval-text]").TextContent, StringComparison.Ordinal));
        Assert.Equal("Public replies on reviews need approval.", page.Find("[data-testid=approval-reason]").TextContent);
        page.Find("[data-testid=approve]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=no-approvals]"));
        Assert.Single(Api.CallsTo(HttpMethod.Post, $"/api/replies/{first.ReplyId}/approve"));
    }

    [Fact]
    public void The_approver_reads_what_the_customer_wrote_above_the_reply()
    {
        var waiting = Waiting("We are so sorry, a new one is on its way.") with
        {
            CustomerMessage = "Two stars: my parcel arrived broken",
            CustomerMessageAt = Start.AddMinutes(-30),
        };
        Api.Answer(HttpMethod.Get, "/api/approvals", HttpStatusCode.OK, new[] { waiting });

        var page = Render<Approvals>();

        page.WaitForAssertion(() => Assert.Equal("Two stars: my parcel arrived broken", page.Find("[data-testid=approval-customer-message]").TextContent));
        Assert.Contains("Robin Customer wrote", page.Markup, StringComparison.Ordinal);
        var quote = page.Markup.IndexOf("approval-customer-message", StringComparison.Ordinal);
        Assert.True(quote < page.Markup.IndexOf("data-testid=\"approval-text\"", StringComparison.Ordinal), "the customer's words come before the reply");
    }

    [Fact]
    public void A_reply_whose_conversation_moved_on_since_it_was_written_says_so()
    {
        var stale = Waiting("It ships today.") with { ThreadChangedSinceWritten = true };
        var fresh = Waiting("A new one is on its way.");
        Api.Answer(HttpMethod.Get, "/api/approvals", HttpStatusCode.OK, new[] { stale, fresh });

        var page = Render<Approvals>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=approval]").Count));
        var cards = page.FindAll("[data-testid=approval]");
        Assert.Single(cards[0].QuerySelectorAll("[data-testid=approval-thread-changed]"));
        Assert.Empty(cards[1].QuerySelectorAll("[data-testid=approval-thread-changed]"));
    }

    [Fact]
    public void Rejecting_needs_a_reason_which_is_sent()
    {
        var reply = Waiting("We deleted everything.");
        Api.Answer(HttpMethod.Get, "/api/approvals", HttpStatusCode.OK, new[] { reply });
        Api.Answer(HttpMethod.Post, $"/api/replies/{reply.ReplyId}/reject", HttpStatusCode.OK, new ReplyView(
            reply.ReplyId, reply.ConversationId, "reviews", "support", "reply", "public", reply.Text, ReplyStates.Rejected, reply.AuthorId, "Alex Agent",
            Start, reply.ApprovalReason, "Sam Support-Manager", Start, "Say 30 days.", null, 3));
        var page = Render<Approvals>();
        page.WaitForAssertion(() => page.Find("[data-testid=reject]"));

        page.Find("[data-testid=reject]").Click();
        page.WaitForAssertion(() => Assert.Contains("Say why", page.Markup, StringComparison.Ordinal));
        Assert.Empty(Api.CallsTo(HttpMethod.Post, $"/api/replies/{reply.ReplyId}/reject"));

        page.Find("input[data-testid=reject-reason]").Input("Say 30 days.");
        page.Find("[data-testid=reject]").Click();

        page.WaitForAssertion(() => Assert.Equal(
            "Say 30 days.", Api.CallsTo(HttpMethod.Post, $"/api/replies/{reply.ReplyId}/reject").Single().Json.GetProperty("reason").GetString()));
    }

    [Fact]
    public void A_failed_load_shows_its_reason_and_trying_again_lists_the_replies() =>
        TryingAgainAfterAFailedLoadShows<Approvals>(
            "/api/approvals", "The approvals", "approvals-error", new[] { Waiting("A new one is on its way.") }, "[data-testid=approval]");

    [Fact]
    public void An_approval_the_Api_refuses_says_why_above_the_reloaded_list()
    {
        var reply = Waiting("A new one is on its way.");
        Api.Answer(HttpMethod.Get, "/api/approvals", HttpStatusCode.OK, new[] { reply });
        Api.Problem(HttpMethod.Post, $"/api/replies/{reply.ReplyId}/approve", HttpStatusCode.Conflict, "Another approver decided it already.");
        var page = Render<Approvals>();
        page.WaitForAssertion(() => page.Find("[data-testid=approve]").Click());

        page.WaitForAssertion(() => Assert.Contains(
            "The reply was not approved: Another approver decided it already.", page.Find("[data-testid=approvals-error]").TextContent, StringComparison.Ordinal));
        Assert.Single(page.FindAll("[data-testid=approval]"));
        Assert.Equal(2, Api.CallsTo(HttpMethod.Get, "/api/approvals").Count);
    }

    [Fact]
    public async Task A_reply_written_for_approval_elsewhere_appears_live()
    {
        Api.Answer(HttpMethod.Get, "/api/approvals", HttpStatusCode.OK, Array.Empty<ApprovalView>());
        var page = Render<Approvals>();
        page.WaitForAssertion(() => page.Find("[data-testid=no-approvals]"));

        var reply = Waiting("Sorry! Refund on its way.");
        Api.Answer(HttpMethod.Get, "/api/approvals", HttpStatusCode.OK, new[] { reply });
        await page.InvokeAsync(() => Live.PublishAsync(Envelope(new ReplyStateChanged(
            reply.ConversationId, reply.ReplyId, Guid.NewGuid(), "support", ReplyKinds.Reply, ReplyStates.AwaitingApproval, reply.AuthorId,
            reply.ApprovalReason, Start), 12)));

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=approval]")), TimeSpan.FromSeconds(5));
    }
}
