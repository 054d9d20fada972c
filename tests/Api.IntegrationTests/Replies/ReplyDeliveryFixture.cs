using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using SocialEnterprise.Api.IntegrationTests.Listening;
using SocialEnterprise.Channels;
using SocialEnterprise.Contracts.Conversations;
using SocialEnterprise.Contracts.Listening;
using SocialEnterprise.Contracts.Replies;
using SocialEnterprise.Domain.Conversations;
using SocialEnterprise.Domain.Listening;
using SocialEnterprise.Domain.Replies;
using SocialEnterprise.Infrastructure.Conversations;
using SocialEnterprise.Infrastructure.Listening;
using SocialEnterprise.Infrastructure.Replies;
using SocialEnterprise.Shared;
using SocialEnterprise.TestSupport;

namespace SocialEnterprise.Api.IntegrationTests.Replies;

/// <summary>
/// The Api on a real loopback port, the intake (to open conversations) and a channel sandbox that reports deliveries
/// back to the Api over HTTP; each test dispatches with an <see cref="ReplyDeliveryHost"/> (the Workers' delivery code) of its own.
/// </summary>
public sealed class ReplyDeliveryFixture(PostgresFixture postgres, RedisFixture redis) : ListeningFixture(postgres, redis)
{
    private ChannelSandbox? _sandbox;
    private HttpClient? _receipts;

    /// <summary>The sandbox that reports every new message delivered to this Api.</summary>
    public ChannelSandbox Sandbox => _sandbox ?? throw new InvalidOperationException("Not started.");

    protected override bool ListensOnLoopback => true;

    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
        IngestSettings.Channels.Select(channel => KeyValuePair.Create<string, string?>($"Outbound:Secrets:{channel}", ReplyDeliveryHost.Secret));

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _receipts = new HttpClient { BaseAddress = Address };
        _sandbox = await ReplyDeliveryHost.SandboxAsync(_receipts);
    }

    /// <summary>A client for the Api over its real port (as a channel's connector calls it).</summary>
    public HttpClient LoopbackClient() => new() { BaseAddress = Address };

    /// <summary>A dispatcher on this database, posting to <paramref name="sandbox"/> (the fixture's when null).</summary>
    public IHost Dispatcher(ChannelSandbox? sandbox = null, TimeProvider? time = null, int maxAttempts = 4, IEnumerable<string>? channels = null) =>
        ReplyDeliveryHost.Create(DatabaseConnectionString, ReplyDeliveryHost.Settings(sandbox ?? Sandbox, channels, maxAttempts), time);

    /// <summary>A new conversation on <paramref name="channel"/>, opened by a customer message as the intake would.</summary>
    public async Task<(Guid ConversationId, string Handle, string ExternalId)> OpenAsync(string channel, CancellationToken cancellationToken, string kind = MessageKinds.DirectMessage)
    {
        var handle = $"out_{Guid.NewGuid():N}"[..16];
        var externalId = ChannelEvents.NewId("in");
        var id = await IngestAsync(channel, ChannelEvents.Event("My parcel never arrived, can you help?", handle, "Out Bound", kind, externalId), cancellationToken);
        await SettleAsync(cancellationToken);
        return (await ConversationOfAsync(id, cancellationToken), handle, externalId);
    }

    /// <summary>A reply written and queued on the conversation, as the composer's send does (without its guard).</summary>
    public async Task<Guid> ReplyAsync(Guid conversationId, string text, CancellationToken cancellationToken, string visibility = ReplyVisibilities.Public)
    {
        await using var db = NewDbContext();
        var conversation = await db.Conversations.SingleAsync(c => c.Id == conversationId, cancellationToken);
        var now = DateTimeOffset.UtcNow;
        var reply = Reply.Write(conversation, ReplyKinds.Reply, visibility, text, null, Guid.NewGuid(), "Rita Replier", conversation.Version, null, now);
        db.Replies.Add(reply);
        ReplySending.Queued(conversation, reply, now);
        await db.SaveChangesAsync(cancellationToken);
        return reply.Id;
    }

    public async Task<Reply> ReadReplyAsync(Guid replyId, CancellationToken cancellationToken)
    {
        await using var db = NewDbContext();
        return await db.Replies.AsNoTracking().SingleAsync(r => r.Id == replyId, cancellationToken);
    }

    /// <summary>The states the reply went through, from its <see cref="ReplyStateChanged"/> events in the event log.</summary>
    public async Task<IReadOnlyList<string>> StatesOfAsync(Guid conversationId, Guid replyId, CancellationToken cancellationToken)
    {
        await using var db = NewDbContext();
        var entries = await db.EventLog.AsNoTracking()
            .Where(e => e.StreamId == ConversationStream.Of(conversationId) && e.Type == nameof(ReplyStateChanged))
            .OrderBy(e => e.Sequence)
            .ToListAsync(cancellationToken);
        return [.. entries.Select(e => System.Text.Json.JsonSerializer.Deserialize<ReplyStateChanged>(e.Payload, SocialEnterprise.Contracts.Events.EventTypes.SerializerOptions)!).Where(e => e.ReplyId == replyId).Select(e => e.State)];
    }

    public override async ValueTask DisposeAsync()
    {
        if (_sandbox is not null)
        {
            await _sandbox.DisposeAsync();
        }

        _receipts?.Dispose();
        await base.DisposeAsync();
    }
}

internal static class Responses
{
    public static async Task ExpectAsync(this HttpResponseMessage response, HttpStatusCode status, CancellationToken cancellationToken) =>
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
}
