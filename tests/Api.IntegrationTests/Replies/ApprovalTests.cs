using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using SocialEnterprise.Api.IntegrationTests.Collaboration;
using SocialEnterprise.Contracts.Audit;
using SocialEnterprise.Contracts.Collaboration;
using SocialEnterprise.Contracts.Conversations;
using SocialEnterprise.Contracts.Replies;
using SocialEnterprise.Domain.Audit;
using SocialEnterprise.Domain.Collaboration;
using SocialEnterprise.Domain.Conversations;
using SocialEnterprise.Domain.Replies;
using SocialEnterprise.Infrastructure.Audit;
using SocialEnterprise.Infrastructure.Collaboration;
using SocialEnterprise.Infrastructure.Conversations;
using SocialEnterprise.Infrastructure.Replies;

namespace SocialEnterprise.Api.IntegrationTests.Replies;

/// <summary>Replies that need approval: held back, offered to the right approvers, and approved into the queue or rejected into the draft.</summary>
public sealed class ApprovalTests(RepliesFixture fixture) : IClassFixture<RepliesFixture>
{
    private readonly CancellationToken _cancellation = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_public_reply_on_a_review_site_waits_for_a_manager_of_the_department_whose_approval_queues_it()
    {
        var (conversation, _, _) = await fixture.OpenAsync(
            $"Two stars: my parcel arrived broken {Replying.NewWord()}", _cancellation, channel: "reviews", kind: "review", rating: 2);
        Assert.Equal("support", conversation.Department);
        var (_, alexToken) = await fixture.DemoStaffAsync("agent", _cancellation);
        var (_, jordanToken) = await fixture.DemoStaffAsync("agent2", _cancellation);
        var (_, samToken) = await fixture.DemoStaffAsync("support.manager", _cancellation);
        var (_, salesManagerToken) = await fixture.DemoStaffAsync("sales.manager", _cancellation);
        using var alex = fixture.CreateClient(alexToken);
        using var jordan = fixture.CreateClient(jordanToken);
        using var sam = fixture.CreateClient(samToken);
        using var salesManager = fixture.CreateClient(salesManagerToken);

        var policy = (await alex.GetFromJsonAsync<ReplyPolicyView>($"api/conversations/{conversation.Id}/replies/policy", _cancellation))!;
        Assert.Equal(["public"], policy.Visibilities);
        Assert.Equal("Public replies on reviews need approval.", policy.PublicApprovalReason);

        using var sent = await alex.SendAsync(conversation.Id, "We are so sorry, a new one is on its way.", conversation.Version, _cancellation);
        var reply = await sent.SentAsync(_cancellation);
        Assert.Equal((ReplyStates.AwaitingApproval, "Public replies on reviews need approval."), (reply.State, reply.ApprovalReason));
        await using (var db = fixture.NewDbContext())
        {
            var held = await db.Conversations.SingleAsync(c => c.Id == conversation.Id, _cancellation);
            Assert.Equal((conversation.Version, (DateTimeOffset?)null), (held.Version, held.FirstRepliedAt));
            Assert.Null((await db.Replies.SingleAsync(r => r.Id == reply.Id, _cancellation)).NextAttemptAt);
            Assert.True(await db.AuditLog.AnyAsync(
                a => a.Action == AuditActions.ReplySubmittedForApproval && a.Target == $"conversation/{conversation.Id}", _cancellation));
        }

        Assert.Contains((await sam.NotificationsAsync(_cancellation)).Items,
            n => n.Kind == NotificationKinds.ApprovalRequested && n.Link == "/approvals" && n.Text.Contains("Alex Agent", StringComparison.Ordinal));
        var waiting = Assert.Single(await ApprovalsAsync(sam), a => a.ReplyId == reply.Id);
        Assert.Equal(("Robin Customer", false), (waiting.CustomerName, waiting.ThreadChangedSinceWritten));
        // The approver reads what the customer wrote, not only the reply.
        Assert.StartsWith("Two stars: my parcel arrived broken", waiting.CustomerMessage, StringComparison.Ordinal);
        Assert.NotNull(waiting.CustomerMessageAt);
        Assert.DoesNotContain(await ApprovalsAsync(jordan), a => a.ReplyId == reply.Id);
        Assert.DoesNotContain(await ApprovalsAsync(salesManager), a => a.ReplyId == reply.Id);

        // Neither a fellow agent nor a manager of another department may approve it.
        using (var byAgent = await jordan.PostAsync($"api/replies/{reply.Id}/approve", null, _cancellation))
        {
            await byAgent.ProblemAsync(HttpStatusCode.Forbidden, _cancellation);
        }

        using (var byOtherManager = await salesManager.PostAsync($"api/replies/{reply.Id}/approve", null, _cancellation))
        {
            // The sales manager does not even see a support conversation.
            Assert.Equal(HttpStatusCode.NotFound, byOtherManager.StatusCode);
        }

        using (var approved = await sam.PostAsync($"api/replies/{reply.Id}/approve", null, _cancellation))
        {
            Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
            var view = (await approved.Content.ReadFromJsonAsync<ReplyView>(_cancellation))!;
            Assert.Equal((ReplyStates.Queued, "Sam Support-Manager"), (view.State, view.ReviewedByName));
        }

        using (var again = await sam.PostAsync($"api/replies/{reply.Id}/approve", null, _cancellation))
        {
            await again.ProblemAsync(HttpStatusCode.Conflict, _cancellation);
        }

        using (var rejectLate = await sam.PostAsJsonAsync($"api/replies/{reply.Id}/reject", new RejectReplyRequest("Too late"), _cancellation))
        {
            await rejectLate.ProblemAsync(HttpStatusCode.Conflict, _cancellation);
        }

        await using (var db = fixture.NewDbContext())
        {
            var answered = await db.Conversations.SingleAsync(c => c.Id == conversation.Id, _cancellation);
            Assert.Equal(conversation.Version + 1, answered.Version);
            Assert.NotNull(answered.FirstRepliedAt);
            Assert.NotNull((await db.Replies.SingleAsync(r => r.Id == reply.Id, _cancellation)).NextAttemptAt);
            var stream = ConversationStream.Of(conversation.Id);
            Assert.True(await db.EventLog.AnyAsync(e => e.StreamId == stream && e.Type == "ConversationReplied", _cancellation));
            Assert.True(await db.AuditLog.AnyAsync(a => a.Action == AuditActions.ReplyApproved && a.Target == $"conversation/{conversation.Id}", _cancellation));
        }

        Assert.Contains((await alex.NotificationsAsync(_cancellation)).Items,
            n => n.Kind == NotificationKinds.ReplyApproved && n.Link == $"/conversations/{conversation.Id}");
        Assert.DoesNotContain(await ApprovalsAsync(sam), a => a.ReplyId == reply.Id);
    }

    [Fact]
    public async Task Nobody_approves_their_own_reply()
    {
        var (conversation, _, _) = await fixture.OpenAsync(
            $"One star, parcel never came {Replying.NewWord()}", _cancellation, channel: "reviews", kind: "review", rating: 1);
        var (_, samToken) = await fixture.DemoStaffAsync("support.manager", _cancellation);
        var (_, adaToken) = await fixture.DemoStaffAsync("admin", _cancellation);
        using var sam = fixture.CreateClient(samToken);
        using var ada = fixture.CreateClient(adaToken);

        using var sent = await sam.SendAsync(conversation.Id, "Sorry! Refund on its way.", conversation.Version, _cancellation);
        var reply = await sent.SentAsync(_cancellation);
        Assert.DoesNotContain(await ApprovalsAsync(sam), a => a.ReplyId == reply.Id);

        using (var own = await sam.PostAsync($"api/replies/{reply.Id}/approve", null, _cancellation))
        {
            var problem = await own.ProblemAsync(HttpStatusCode.Forbidden, _cancellation);
            Assert.Contains("own reply", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        using var byAdmin = await ada.PostAsync($"api/replies/{reply.Id}/approve", null, _cancellation);
        Assert.Equal(HttpStatusCode.OK, byAdmin.StatusCode);
    }

    [Fact]
    public async Task A_reply_about_privacy_needs_approval_even_in_private_and_a_rejection_puts_it_back_into_the_draft_with_the_reason()
    {
        var (conversation, externalId, handle) = await fixture.OpenAsync(
            $"Please delete my personal data, GDPR request {Replying.NewWord()}", _cancellation);
        Assert.Equal("privacy", conversation.Topic);
        var (_, lenaToken) = await fixture.DemoStaffAsync("legal", _cancellation);
        var (_, adaToken) = await fixture.DemoStaffAsync("admin", _cancellation);
        using var lena = fixture.CreateClient(lenaToken);
        using var ada = fixture.CreateClient(adaToken);

        using (var draft = await lena.PutAsJsonAsync(
                   $"api/conversations/{conversation.Id}/draft", new SaveDraftRequest("We deleted everything.", "private", 0), _cancellation))
        {
            Assert.Equal(HttpStatusCode.OK, draft.StatusCode);
        }

        using var sent = await lena.SendAsync(conversation.Id, "We deleted everything.", conversation.Version, _cancellation, ReplyVisibilities.Private);
        var reply = await sent.SentAsync(_cancellation);
        Assert.Equal((ReplyStates.AwaitingApproval, "Replies about privacy need approval."), (reply.State, reply.ApprovalReason));
        Assert.Equal("", (await DraftAsync(lena, conversation.Id)).Text);
        Assert.Contains(await ApprovalsAsync(ada), a => a.ReplyId == reply.Id && a.Topic == "privacy" && !a.ThreadChangedSinceWritten);

        // The customer writes while the reply waits: the approver is told the thread moved on since it was written.
        await fixture.CustomerWritesAgainAsync(conversation.Id, externalId, handle, $"Is it done? {Replying.NewWord()}", _cancellation);
        Assert.Contains(await ApprovalsAsync(ada), a => a.ReplyId == reply.Id && a.ThreadChangedSinceWritten);

        using (var noReason = await ada.PostAsJsonAsync($"api/replies/{reply.Id}/reject", new RejectReplyRequest("  "), _cancellation))
        {
            Assert.Equal(["reason"], await noReason.FieldsAsync(_cancellation));
        }

        using (var rejected = await ada.PostAsJsonAsync(
                   $"api/replies/{reply.Id}/reject", new RejectReplyRequest("Say we will answer within 30 days."), _cancellation))
        {
            Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
            var view = (await rejected.Content.ReadFromJsonAsync<ReplyView>(_cancellation))!;
            Assert.Equal((ReplyStates.Rejected, "Say we will answer within 30 days."), (view.State, view.RejectionReason));
        }

        var back = await DraftAsync(lena, conversation.Id);
        Assert.Equal(("We deleted everything.", "private", "Rejected by Ada Admin: Say we will answer within 30 days."),
            (back.Text, back.Visibility, back.ReturnedBecause));
        Assert.Contains((await lena.NotificationsAsync(_cancellation)).Items,
            n => n.Kind == NotificationKinds.ReplyRejected && n.Text.Contains("30 days", StringComparison.Ordinal));
        using (var twice = await ada.PostAsJsonAsync($"api/replies/{reply.Id}/reject", new RejectReplyRequest("Again"), _cancellation))
        {
            await twice.ProblemAsync(HttpStatusCode.Conflict, _cancellation);
        }

        await using var db = fixture.NewDbContext();
        Assert.Null((await db.Conversations.SingleAsync(c => c.Id == conversation.Id, _cancellation)).FirstRepliedAt);
        Assert.True(await db.AuditLog.AnyAsync(
            a => a.Action == AuditActions.ReplyRejected && a.Target == $"conversation/{conversation.Id}" && a.Detail!.Contains("30 days"), _cancellation));
    }

    [Fact]
    public async Task Replies_that_no_policy_names_go_straight_to_the_queue()
    {
        var (conversation, _, _) = await fixture.OpenAsync($"Where is my parcel {Replying.NewWord()}", _cancellation);
        var (_, token) = await fixture.DemoStaffAsync("agent", _cancellation);
        using var agent = fixture.CreateClient(token);
        var policy = (await agent.GetFromJsonAsync<ReplyPolicyView>($"api/conversations/{conversation.Id}/replies/policy", _cancellation))!;
        Assert.Equal((null, null), (policy.PublicApprovalReason, policy.PrivateApprovalReason));

        using var sent = await agent.SendAsync(conversation.Id, "Today!", conversation.Version, _cancellation, ReplyVisibilities.Private);
        Assert.Equal(ReplyStates.Queued, (await sent.SentAsync(_cancellation)).State);
    }

    [Fact]
    public async Task Approving_or_rejecting_an_unknown_reply_is_not_found()
    {
        var (_, adaToken) = await fixture.DemoStaffAsync("admin", _cancellation);
        using var ada = fixture.CreateClient(adaToken);
        using var approve = await ada.PostAsync($"api/replies/{Guid.NewGuid()}/approve", null, _cancellation);
        using var reject = await ada.PostAsJsonAsync($"api/replies/{Guid.NewGuid()}/reject", new RejectReplyRequest("No"), _cancellation);
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (approve.StatusCode, reject.StatusCode));
    }

    private async Task<List<ApprovalView>> ApprovalsAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<List<ApprovalView>>("api/approvals", _cancellation))!;

    private async Task<DraftView> DraftAsync(HttpClient client, Guid conversationId) =>
        (await client.GetFromJsonAsync<DraftView>($"api/conversations/{conversationId}/draft", _cancellation))!;
}
