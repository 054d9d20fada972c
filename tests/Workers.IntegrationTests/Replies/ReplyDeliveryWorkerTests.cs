using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SocialEnterprise.Contracts.Conversations;
using SocialEnterprise.Contracts.Listening;
using SocialEnterprise.Contracts.Replies;
using SocialEnterprise.Domain.Conversations;
using SocialEnterprise.Domain.Listening;
using SocialEnterprise.Domain.Replies;
using SocialEnterprise.Infrastructure.Conversations;
using SocialEnterprise.Infrastructure.Listening;
using SocialEnterprise.Infrastructure.Replies;
using SocialEnterprise.TestSupport;

namespace SocialEnterprise.Workers.IntegrationTests.Replies;

/// <summary>The Workers' delivery loop as it runs: woken by the queue's notification, and back by itself for a retry.</summary>
public sealed class ReplyDeliveryWorkerTests(MigratedDatabase database, RedisFixture redis) : IClassFixture<MigratedDatabase>
{
    private readonly CancellationToken _cancellation = TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_running_worker_sends_a_new_reply_on_its_notification_and_retries_a_failed_post_when_due()
    {
        await using var sandbox = await ReplyDeliveryHost.SandboxAsync();
        var settings = ReplyDeliveryHost.Settings(sandbox);
        // A poll far beyond the test: only the notification (and the retry's due time) can explain a prompt delivery.
        settings["Outbound:PollInterval"] = "00:10:00";
        await using var workers = new WorkersFactory(database, redis).WithWebHostBuilder(host =>
        {
            foreach (var (key, value) in settings)
            {
                host.UseSetting(key, value);
            }
        });
        _ = workers.Server;
        var conversationId = await OpenConversationAsync();
        // Let the loop go to sleep on an empty queue first.
        await Task.Delay(TimeSpan.FromSeconds(1), _cancellation);

        var clock = Stopwatch.StartNew();
        var first = await ReplyAsync(conversationId, "Woken by the notification");
        await Eventually.TrueAsync(async () => await StateAsync(first) == ReplyStates.Sent, _cancellation, TimeSpan.FromSeconds(10));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"sent after {clock.Elapsed}");

        sandbox.FailNext(1, HttpStatusCode.ServiceUnavailable);
        var second = await ReplyAsync(conversationId, "Retried by itself");
        await Eventually.TrueAsync(async () => await StateAsync(second) == ReplyStates.Sent, _cancellation, TimeSpan.FromSeconds(10));
        await using var db = database.NewDbContext();
        Assert.Equal(2, (await db.Replies.SingleAsync(r => r.Id == second, _cancellation)).Attempts);
        Assert.Equal(2, sandbox.Posts.Count(p => p.Message?.ReplyId == second));
    }

    private async Task<Guid> OpenConversationAsync()
    {
        var externalId = ChannelEvents.NewId("worker");
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        await IngestQueue.AcceptAsync(dataSource, [new IngestSubmission(
            IngestChannels.X, ChannelEvents.Event("Where is my order?", "worker_customer", "Worker Customer", MessageKinds.DirectMessage, externalId),
            DateTimeOffset.UtcNow)], _cancellation);
        Guid? conversationId = null;
        await Eventually.TrueAsync(async () =>
        {
            await using var db = database.NewDbContext();
            conversationId = await db.Messages.Where(m => m.ExternalId == externalId).Select(m => (Guid?)m.ConversationId).SingleOrDefaultAsync(_cancellation);
            return conversationId is not null;
        }, _cancellation);
        return conversationId!.Value;
    }

    private async Task<Guid> ReplyAsync(Guid conversationId, string text)
    {
        await using var db = database.NewDbContext();
        var conversation = await db.Conversations.SingleAsync(c => c.Id == conversationId, _cancellation);
        var now = DateTimeOffset.UtcNow;
        var reply = Reply.Write(conversation, ReplyKinds.Reply, ReplyVisibilities.Private, text, null, Guid.NewGuid(), "Wanda Worker", conversation.Version, null, now);
        db.Replies.Add(reply);
        ReplySending.Queued(conversation, reply, now);
        await db.SaveChangesAsync(_cancellation);
        return reply.Id;
    }

    private async Task<string> StateAsync(Guid replyId)
    {
        await using var db = database.NewDbContext();
        return await db.Replies.Where(r => r.Id == replyId).Select(r => r.State).SingleAsync(_cancellation);
    }
}
