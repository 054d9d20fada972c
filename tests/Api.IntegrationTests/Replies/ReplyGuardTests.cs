using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using SocialEnterprise.Contracts.Audit;
using SocialEnterprise.Contracts.Conversations;
using SocialEnterprise.Contracts.Replies;
using SocialEnterprise.Domain.Audit;
using SocialEnterprise.Domain.Conversations;
using SocialEnterprise.Domain.Replies;
using SocialEnterprise.Infrastructure.Audit;
using SocialEnterprise.Infrastructure.Conversations;
using SocialEnterprise.Infrastructure.Replies;

namespace SocialEnterprise.Api.IntegrationTests.Replies;

/// <summary>Sending a reply: it is queued and answers the conversation, unless the thread changed after the version its author saw.</summary>
public sealed class ReplyGuardTests(RepliesFixture fixture) : IClassFixture<RepliesFixture>
{
    private readonly CancellationToken _cancellation = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_reply_is_queued_answers_the_conversation_and_is_recorded_and_audited()
    {
        var (conversation, _, _) = await fixture.OpenAsync($"My parcel has not arrived, where is my order? {Replying.NewWord()}", _cancellation);
        Assert.Equal("support", conversation.Department);
        var (agentId, token) = await fixture.DemoStaffAsync("agent", _cancellation);
        using var agent = fixture.CreateClient(token);

        using var response = await agent.SendAsync(conversation.Id, "  Sorry about that, Robin: it leaves our warehouse today.  ", conversation.Version, _cancellation);
        var reply = await response.SentAsync(_cancellation);

        Assert.Equal((ReplyStates.Queued, "Sorry about that, Robin: it leaves our warehouse today.", agentId, "Alex Agent", ReplyVisibilities.Public),
            (reply.State, reply.Text, reply.AuthorId, reply.AuthorName, reply.Visibility));
        Assert.Equal(conversation.Messages.Single().Id, reply.InReplyToMessageId);
        await using var db = fixture.NewDbContext();
        var stored = await db.Replies.SingleAsync(r => r.ConversationId == conversation.Id, _cancellation);
        Assert.NotNull(stored.NextAttemptAt);
        Assert.Equal(conversation.Version, stored.BasedOnVersion);
        var after = await db.Conversations.SingleAsync(c => c.Id == conversation.Id, _cancellation);
        Assert.Equal(conversation.Version + 1, after.Version);
        Assert.Equal(after.Version, after.ThreadVersion);
        Assert.Equal(after.ThreadVersion, stored.ThreadVersion);
        Assert.NotNull(after.FirstRepliedAt);
        var stream = ConversationStream.Of(conversation.Id);
        var types = await db.EventLog.Where(e => e.StreamId == stream).Select(e => e.Type).ToListAsync(_cancellation);
        Assert.Contains("ConversationReplied", types);
        Assert.Contains("ReplyStateChanged", types);
        Assert.True(await db.AuditLog.AnyAsync(
            a => a.Action == AuditActions.ReplySent && a.Target == $"conversation/{conversation.Id}" && a.Detail!.Contains(stored.Id.ToString()), _cancellation));
    }

    [Fact]
    public async Task A_send_on_a_version_before_the_customer_wrote_again_is_refused_with_what_changed_and_nothing_is_stored_until_sent_anyway()
    {
        var (conversation, externalId, handle) = await fixture.OpenAsync($"Where is my delivery? {Replying.NewWord()}", _cancellation);
        var seen = conversation.Version;
        var newMessage = await fixture.CustomerWritesAgainAsync(conversation.Id, externalId, handle, $"Hello?? Anyone? {Replying.NewWord()}", _cancellation);
        var (_, token) = await fixture.DemoStaffAsync("agent", _cancellation);
        using var agent = fixture.CreateClient(token);

        using var refused = await agent.SendAsync(conversation.Id, "It leaves today.", seen, _cancellation);
        var problem = await refused.ProblemAsync(HttpStatusCode.Conflict, _cancellation);

        Assert.Contains("The customer wrote again at", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal([newMessage], problem.GetProperty("newMessageIds").EnumerateArray().Select(e => e.GetGuid()));
        Assert.Empty(problem.GetProperty("newReplyIds").EnumerateArray());
        var current = problem.GetProperty("currentVersion").GetInt32();
        Assert.True(current > seen);
        await using (var db = fixture.NewDbContext())
        {
            Assert.False(await db.Replies.AnyAsync(r => r.ConversationId == conversation.Id, _cancellation));
            Assert.Equal(current, (await db.Conversations.SingleAsync(c => c.Id == conversation.Id, _cancellation)).Version);
            Assert.False(await db.AuditLog.AnyAsync(a => a.Target == $"conversation/{conversation.Id}" && a.Action == AuditActions.ReplySent, _cancellation));
        }

        // Reviewed: sending anyway on the version the refusal carried goes through, answering the newest message.
        using var resent = await agent.SendAsync(conversation.Id, "It leaves today.", current, _cancellation);
        var reply = await resent.SentAsync(_cancellation);
        Assert.Equal(newMessage, reply.InReplyToMessageId);
    }

    [Fact]
    public async Task A_send_after_a_colleague_replied_is_refused_naming_them_and_their_reply()
    {
        var (conversation, _, _) = await fixture.OpenAsync($"My order is late {Replying.NewWord()}", _cancellation);
        var (_, alex) = await fixture.DemoStaffAsync("agent", _cancellation);
        var (_, jordan) = await fixture.DemoStaffAsync("agent2", _cancellation);
        using var first = fixture.CreateClient(jordan);
        using var second = fixture.CreateClient(alex);

        using var sent = await first.SendAsync(conversation.Id, "On its way!", conversation.Version, _cancellation);
        var jordansReply = await sent.SentAsync(_cancellation);
        using var refused = await second.SendAsync(conversation.Id, "Let me check.", conversation.Version, _cancellation);
        var problem = await refused.ProblemAsync(HttpStatusCode.Conflict, _cancellation);

        Assert.Contains("Jordan Agent replied at", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal([jordansReply.Id], problem.GetProperty("newReplyIds").EnumerateArray().Select(e => e.GetGuid()));
        Assert.Equal(jordansReply.ConversationVersion, problem.GetProperty("currentVersion").GetInt32());
        await using var db = fixture.NewDbContext();
        Assert.Equal(1, await db.Replies.CountAsync(r => r.ConversationId == conversation.Id, _cancellation));
    }

    [Fact]
    public async Task Of_two_sends_at_once_on_one_version_exactly_one_is_queued()
    {
        var (conversation, _, _) = await fixture.OpenAsync($"Still no parcel {Replying.NewWord()}", _cancellation);
        var (_, alex) = await fixture.DemoStaffAsync("agent", _cancellation);
        var (_, jordan) = await fixture.DemoStaffAsync("agent2", _cancellation);
        using var one = fixture.CreateClient(alex);
        using var other = fixture.CreateClient(jordan);

        for (var round = 0; round < 3; round++)
        {
            var version = (await fixture.ConversationAsync(conversation.Id, _cancellation)).Version;
            var responses = await Task.WhenAll(
                one.SendAsync(conversation.Id, $"From Alex {round}", version, _cancellation),
                other.SendAsync(conversation.Id, $"From Jordan {round}", version, _cancellation));

            Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }

        await using var db = fixture.NewDbContext();
        Assert.Equal(3, await db.Replies.CountAsync(r => r.ConversationId == conversation.Id, _cancellation));
    }

    [Fact]
    public async Task Bad_sends_are_refused_naming_the_field_and_store_nothing()
    {
        var (conversation, _, _) = await fixture.OpenAsync($"Parcel missing {Replying.NewWord()}", _cancellation);
        var (reviews, _, _) = await fixture.OpenAsync(
            $"Terrible delivery, two stars {Replying.NewWord()}", _cancellation, channel: "reviews", kind: "review", rating: 2);
        var (_, token) = await fixture.DemoStaffAsync("agent", _cancellation);
        using var agent = fixture.CreateClient(token);
        var url = $"api/conversations/{conversation.Id}/replies";

        using (var blank = await agent.SendAsync(conversation.Id, "   ", conversation.Version, _cancellation))
        {
            Assert.Equal(["text"], await blank.FieldsAsync(_cancellation));
        }

        using (var tooLong = await agent.SendAsync(conversation.Id, new string('a', ReplyLimits.MaxTextLength + 1), conversation.Version, _cancellation))
        {
            Assert.Equal(["text"], await tooLong.FieldsAsync(_cancellation));
        }

        using (var loud = await agent.SendAsync(conversation.Id, "Hi", conversation.Version, _cancellation, visibility: "loud"))
        {
            Assert.Equal(["visibility"], await loud.FieldsAsync(_cancellation));
        }

        using (var noVersion = await agent.PostAsJsonAsync(url, new { text = "Hi", visibility = "public" }, _cancellation))
        {
            Assert.Equal(["version"], await noVersion.FieldsAsync(_cancellation));
        }

        using (var future = await agent.SendAsync(conversation.Id, "Hi", conversation.Version + 50, _cancellation))
        {
            Assert.Equal(["version"], await future.FieldsAsync(_cancellation));
        }

        using (var notTheirs = await agent.PostAsJsonAsync(
                   url, new SendReplyRequest("Hi", "public", conversation.Version, reviews.Messages[0].Id), _cancellation))
        {
            Assert.Equal(["inReplyToMessageId"], await notTheirs.FieldsAsync(_cancellation));
        }

        using (var privateReview = await agent.SendAsync(reviews.Id, "Hi", reviews.Version, _cancellation, visibility: ReplyVisibilities.Private))
        {
            Assert.Equal(["visibility"], await privateReview.FieldsAsync(_cancellation));
        }

        using (var byKey = await fixture.CreateClient().SendAsync(conversation.Id, "Hi", conversation.Version, _cancellation))
        {
            Assert.Equal(HttpStatusCode.BadRequest, byKey.StatusCode);
        }

        await using var db = fixture.NewDbContext();
        Assert.False(await db.Replies.AnyAsync(r => r.ConversationId == conversation.Id || r.ConversationId == reviews.Id, _cancellation));
    }

    [Fact]
    public async Task A_conversation_the_caller_cannot_see_is_not_found_for_replies_drafts_and_policy()
    {
        var (conversation, _, _) = await fixture.OpenAsync($"Where is my order {Replying.NewWord()}", _cancellation);
        var (_, token) = await fixture.DemoStaffAsync("marketing", _cancellation);
        using var outsider = fixture.CreateClient(token);

        using var send = await outsider.SendAsync(conversation.Id, "Hi", conversation.Version, _cancellation);
        using var draft = await outsider.GetAsync($"api/conversations/{conversation.Id}/draft", _cancellation);
        using var save = await outsider.PutAsJsonAsync($"api/conversations/{conversation.Id}/draft", new SaveDraftRequest("Hi", "public", 0), _cancellation);
        using var policy = await outsider.GetAsync($"api/conversations/{conversation.Id}/replies/policy", _cancellation);
        using var unknown = await outsider.SendAsync(Guid.NewGuid(), "Hi", 0, _cancellation);

        Assert.Equal(
            [HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound],
            new[] { send.StatusCode, draft.StatusCode, save.StatusCode, policy.StatusCode, unknown.StatusCode });
        await using var db = fixture.NewDbContext();
        Assert.False(await db.Replies.AnyAsync(r => r.ConversationId == conversation.Id, _cancellation));
        Assert.False(await db.ReplyDrafts.AnyAsync(d => d.ConversationId == conversation.Id, _cancellation));
    }
}
