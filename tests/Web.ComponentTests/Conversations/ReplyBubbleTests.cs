using System.Net;
using Bunit;
using SocialEnterprise.Contracts.Conversations;
using SocialEnterprise.Contracts.Customers;
using SocialEnterprise.Contracts.Replies;
using SocialEnterprise.Contracts.Staff;
using SocialEnterprise.Web.Components.Conversations;
using SocialEnterprise.Web.ComponentTests.Customers;

namespace SocialEnterprise.Web.ComponentTests.Conversations;

/// <summary>Replies in the conversation's thread: the company's bubbles, their delivery status, retry, and the CSAT answer.</summary>
public sealed class ReplyBubbleTests : PresenceWorkspaceContext
{
    private static readonly DateTimeOffset Start = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid CustomerId = Guid.NewGuid();

    private readonly Guid _id = Guid.NewGuid();

    public ReplyBubbleTests()
    {
        SignInAs("agent");
        Api.Answer(HttpMethod.Get, "/api/staff", HttpStatusCode.OK, Array.Empty<StaffMemberView>());
        Api.Answer(HttpMethod.Get, $"/api/customers/{CustomerId}", HttpStatusCode.OK, Customer360Tests.Profile(CustomerId, []));
        Api.Answer(HttpMethod.Get, $"/api/customers/{CustomerId}/timeline", HttpStatusCode.OK, new TimelinePage([], null));
        Api.Answer(HttpMethod.Get, $"/api/customers/{CustomerId}/sentiment", HttpStatusCode.OK, Array.Empty<SentimentPoint>());
        Api.Answer(HttpMethod.Get, $"/api/customers/{CustomerId}/unified-front", HttpStatusCode.OK, new UnifiedFront(14, [], []));
    }

    private string Path => $"/api/conversations/{_id}";

    [Fact]
    public void Replies_sit_in_the_thread_in_time_order_as_the_companys_bubbles_with_their_status()
    {
        var delivered = Reply("Sorry, a new one is on its way.", Start.AddMinutes(5)) with
        {
            State = ReplyStates.Delivered, Attempts = 1, SentAt = Start.AddMinutes(5), DeliveredAt = Start.AddMinutes(6),
        };
        var queued = Reply("Anything else?", Start.AddMinutes(40), ReplyVisibilities.Private);
        AnswerDetail(Detail() with { Replies = [queued, delivered] });

        var page = Render<ConversationView>(parameters => parameters.Add(p => p.Id, _id));

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=reply]").Count));
        var order = page.FindAll("[data-testid=message], [data-testid=reply]").Select(e => e.GetAttribute("data-testid")).ToList();
        Assert.Equal(["message", "reply", "message", "reply"], order);
        var bubbles = page.FindAll("[data-testid=reply]");
        Assert.Equal(delivered.Id.ToString(), bubbles[0].GetAttribute("data-reply-id"));
        Assert.Contains("Rita Replier", bubbles[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("public reply", bubbles[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("direct reply", bubbles[1].TextContent, StringComparison.Ordinal);
        var chips = page.FindAll("[data-testid=reply-status]");
        Assert.Equal(("delivered", "Delivered"), (chips[0].GetAttribute("data-state"), chips[0].TextContent.Trim()));
        Assert.Equal(("queued", "Queued"), (chips[1].GetAttribute("data-state"), chips[1].TextContent.Trim()));
        Assert.Contains($"Delivered to the customer {Start.AddMinutes(6).ToLocalTime():yyyy-MM-dd HH:mm}",
            page.FindAll("[data-testid=reply-status-reason]")[0].GetAttribute("title"), StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=reply-retry]"));
    }

    [Theory]
    [InlineData(ReplyStates.AwaitingApproval, 0, null, "Awaiting approval", "Waits for approval: public replies on x need approval")]
    [InlineData(ReplyStates.Rejected, 0, null, "Rejected", "Rejected by Sam Support-Manager: tone")]
    [InlineData(ReplyStates.Queued, 2, "the x connector answered 503", "Retrying (attempt 3)", "Attempt 2 failed: the x connector answered 503")]
    [InlineData(ReplyStates.Sent, 1, null, "Sent", "Handed to the channel")]
    [InlineData(ReplyStates.Failed, 8, "gave up after 8 attempts: 502", "Failed", "Failed after 8 attempts: gave up after 8 attempts: 502")]
    public void Each_state_has_its_chip_and_the_reason_behind_it(string state, int attempts, string? error, string chip, string reason)
    {
        var reply = Reply("Hello", Start.AddMinutes(1)) with
        {
            State = state, Attempts = attempts, LastError = error, SentAt = Start.AddMinutes(2), ApprovalReason = "public replies on x need approval",
            ReviewedByName = "Sam Support-Manager", RejectionReason = "tone",
        };
        AnswerDetail(Detail() with { Replies = [reply] });

        var page = Render<ConversationView>(parameters => parameters.Add(p => p.Id, _id));

        page.WaitForAssertion(() => Assert.Equal(chip, page.Find("[data-testid=reply-status]").TextContent.Trim()));
        Assert.StartsWith(reason, page.Find("[data-testid=reply-status-reason]").GetAttribute("title"), StringComparison.Ordinal);
        Assert.Equal(state == ReplyStates.Failed, page.FindAll("[data-testid=reply-retry]").Count == 1);
    }

    [Fact]
    public void Retry_on_a_failed_reply_posts_it_again_and_shows_it_queued()
    {
        var failed = Reply("Try again", Start.AddMinutes(1)) with { State = ReplyStates.Failed, Attempts = 1, LastError = "the x connector refused it: 400" };
        AnswerDetail(Detail() with { Replies = [failed] });
        Api.Answer(HttpMethod.Post, $"{Path}/replies/{failed.Id}/retry", _ =>
        {
            AnswerDetail(Detail() with { Replies = [failed with { State = ReplyStates.Queued, Attempts = 0 }] });
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = System.Net.Http.Json.JsonContent.Create(failed with { State = ReplyStates.Queued }) };
        });
        var page = Render<ConversationView>(parameters => parameters.Add(p => p.Id, _id));
        page.WaitForAssertion(() => Assert.Contains("the x connector refused it: 400", page.Find("[data-testid=reply-error]").TextContent, StringComparison.Ordinal));

        page.Find("[data-testid=reply-retry]").Click();

        page.WaitForAssertion(() => Assert.Equal("queued", page.Find("[data-testid=reply-status]").GetAttribute("data-state")));
        Assert.Single(Api.CallsTo(HttpMethod.Post, $"{Path}/replies/{failed.Id}/retry"));
        Assert.Empty(page.FindAll("[data-testid=reply-retry]"));
    }

    [Fact]
    public void A_refused_retry_says_why()
    {
        var failed = Reply("Try again", Start.AddMinutes(1)) with { State = ReplyStates.Failed, Attempts = 1, LastError = "refused" };
        AnswerDetail(Detail() with { Replies = [failed] });
        Api.Problem(HttpMethod.Post, $"{Path}/replies/{failed.Id}/retry", HttpStatusCode.Conflict, "Only a failed reply is sent again; this one is queued.");
        var page = Render<ConversationView>(parameters => parameters.Add(p => p.Id, _id));

        page.WaitForAssertion(() => page.Find("[data-testid=reply-retry]").Click());

        page.WaitForAssertion(() => Assert.Contains(
            "Only a failed reply is sent again", page.Find("[data-testid=reply-retry-error]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public void The_survey_shows_the_customers_score_as_stars_and_their_comment()
    {
        var survey = Reply("How satisfied are you?", Start.AddHours(1)) with
        {
            Kind = ReplyKinds.Survey, AuthorId = null, AuthorName = "Satisfaction survey", State = ReplyStates.Delivered,
        };
        AnswerDetail(Detail() with
        {
            Replies = [survey],
            Surveys = [new CsatView(Guid.NewGuid(), survey.Id, Start.AddHours(1), 4, "Quick and kind.", Start.AddHours(2))],
        });

        var page = Render<ConversationView>(parameters => parameters.Add(p => p.Id, _id));

        page.WaitForAssertion(() => Assert.Equal("4", page.Find("[data-testid=csat]").GetAttribute("data-score")));
        Assert.Equal("survey", page.Find("[data-testid=reply]").GetAttribute("data-kind"));
        Assert.Contains("satisfaction survey", page.Find("[data-testid=reply]").TextContent, StringComparison.Ordinal);
        Assert.StartsWith("4 of 5", page.Find("[data-testid=csat-score]").TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains("Quick and kind.", page.Find("[data-testid=csat-comment]").TextContent, StringComparison.Ordinal);
        Assert.Equal(4, page.FindAll("[data-testid=csat] .mud-rating-item .mud-icon-root").Count(icon => icon.OuterHtml.Contains("M12 17.27", StringComparison.Ordinal)));
    }

    [Fact]
    public void An_unanswered_survey_says_it_waits_for_the_customer()
    {
        var survey = Reply("How satisfied are you?", Start.AddHours(1)) with { Kind = ReplyKinds.Survey, AuthorId = null, AuthorName = "Satisfaction survey" };
        AnswerDetail(Detail() with { Replies = [survey], Surveys = [new CsatView(Guid.NewGuid(), survey.Id, Start.AddHours(1), null, null, null)] });

        var page = Render<ConversationView>(parameters => parameters.Add(p => p.Id, _id));

        page.WaitForAssertion(() => Assert.Contains("No answer from the customer yet", page.Find("[data-testid=csat-waiting]").TextContent, StringComparison.Ordinal));
    }

    private void AnswerDetail(ConversationDetail detail) => Api.Answer(HttpMethod.Get, Path, HttpStatusCode.OK, detail);

    private ConversationDetail Detail() => new(
        _id, CustomerId, "Ann Lee", "x", ConversationStatuses.Open, "complaint", "negative", -0.7, "orders", "en", "high", "high", "support",
        "the message mentions a refund", "My order arrived broken", Start, Start, null, null, 1, false,
        [Message("My order arrived broken", Start), Message("Hello? Anyone?", Start.AddMinutes(30))], Notes: [], History: []);

    private static MessageView Message(string text, DateTimeOffset at) =>
        new(Guid.NewGuid(), text, MessageDirections.Inbound, "x", "mention", "x-1", "Ann Lee", at, null, null, null);

    private static ThreadReplyView Reply(string text, DateTimeOffset at, string visibility = ReplyVisibilities.Public) => new(
        Guid.NewGuid(), ReplyKinds.Reply, visibility, text, ReplyStates.Queued, Guid.NewGuid(), "Rita Replier", at, at, 0, at, null, null, null, null);
}
