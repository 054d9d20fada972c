using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using SocialEnterprise.Contracts.Audit;
using SocialEnterprise.Contracts.Listening;
using SocialEnterprise.Contracts.Replies;
using SocialEnterprise.Domain.Audit;
using SocialEnterprise.Domain.Listening;
using SocialEnterprise.Domain.Replies;
using SocialEnterprise.Infrastructure.Audit;
using SocialEnterprise.Infrastructure.Listening;
using SocialEnterprise.Infrastructure.Replies;
using SocialEnterprise.TestSupport;

namespace SocialEnterprise.Api.IntegrationTests.Replies;

/// <summary>A failed reply is sent again by a staff member who may see the conversation, and that is audited.</summary>
public sealed class ReplyRetryTests(ReplyDeliveryFixture fixture) : IClassFixture<ReplyDeliveryFixture>
{
    private readonly CancellationToken _cancellation = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_failed_reply_sent_again_is_queued_audited_and_then_sent()
    {
        var (conversationId, replyId) = await FailedReplyAsync();
        var department = (await fixture.ConversationAsync(conversationId, _cancellation)).Department;
        using var agent = fixture.CreateStaffClient("agent", department);

        using var response = await agent.PostAsync($"api/conversations/{conversationId}/replies/{replyId}/retry", null, _cancellation);

        await response.ExpectAsync(HttpStatusCode.OK, _cancellation);
        var view = (await response.Content.ReadFromJsonAsync<ThreadReplyView>(_cancellation))!;
        Assert.Equal((ReplyStates.Queued, 0), (view.State, view.Attempts));
        await using (var db = fixture.NewDbContext())
        {
            var audit = await db.AuditLog.SingleAsync(a => a.Action == AuditActions.ReplyRetried && a.Target == $"conversation/{conversationId}/reply/{replyId}", _cancellation);
            Assert.Contains("agent", audit.Actor);
        }

        using var host = fixture.Dispatcher();
        await host.Dispatcher().DrainAsync(_cancellation);
        Assert.Contains(fixture.Sandbox.Delivered, message => message.ReplyId == replyId);

        // Not failed any more: nothing to send again.
        using var twice = await agent.PostAsync($"api/conversations/{conversationId}/replies/{replyId}/retry", null, _cancellation);
        await twice.ExpectAsync(HttpStatusCode.Conflict, _cancellation);
    }

    [Fact]
    public async Task Someone_who_cannot_see_the_conversation_gets_404()
    {
        var (conversationId, replyId) = await FailedReplyAsync();
        var department = (await fixture.ConversationAsync(conversationId, _cancellation)).Department;
        using var outsider = fixture.CreateStaffClient("agent", department == "legal" ? "sales" : "legal");

        using var response = await outsider.PostAsync($"api/conversations/{conversationId}/replies/{replyId}/retry", null, _cancellation);
        await response.ExpectAsync(HttpStatusCode.NotFound, _cancellation);
        using var wrongConversation = await fixture.CreateClient().PostAsync($"api/conversations/{Guid.NewGuid()}/replies/{replyId}/retry", null, _cancellation);
        await wrongConversation.ExpectAsync(HttpStatusCode.NotFound, _cancellation);
        Assert.Equal(ReplyStates.Failed, (await fixture.ReadReplyAsync(replyId, _cancellation)).State);
    }

    private async Task<(Guid ConversationId, Guid ReplyId)> FailedReplyAsync()
    {
        await using var sandbox = await ReplyDeliveryHost.SandboxAsync();
        sandbox.FailNext(1, HttpStatusCode.Forbidden);
        var (conversationId, _, _) = await fixture.OpenAsync(IngestChannels.X, _cancellation);
        var replyId = await fixture.ReplyAsync(conversationId, "Try me again", _cancellation);
        using var host = fixture.Dispatcher(sandbox);
        await host.Dispatcher().DrainAsync(_cancellation);
        Assert.Equal(ReplyStates.Failed, (await fixture.ReadReplyAsync(replyId, _cancellation)).State);
        return (conversationId, replyId);
    }
}
