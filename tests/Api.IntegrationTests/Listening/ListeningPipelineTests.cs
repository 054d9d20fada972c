using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using SocialEnterprise.Contracts.Conversations;
using SocialEnterprise.Contracts.Customers;
using SocialEnterprise.Contracts.Events;
using SocialEnterprise.Contracts.Listening;
using SocialEnterprise.Domain.Conversations;
using SocialEnterprise.Domain.Customers;
using SocialEnterprise.Domain.Events;
using SocialEnterprise.Domain.Listening;
using SocialEnterprise.Infrastructure.Conversations;
using SocialEnterprise.Infrastructure.Customers;
using SocialEnterprise.Infrastructure.Events;
using SocialEnterprise.Infrastructure.Listening;
using SocialEnterprise.TestSupport;

namespace SocialEnterprise.Api.IntegrationTests.Listening;

/// <summary>From a signed channel event to a classified message in the right conversation, read back through the Api.</summary>
public sealed class ListeningPipelineTests(ListeningFixture intake) : IClassFixture<ListeningFixture>
{
    private readonly CancellationToken _cancellation = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_signed_event_becomes_a_classified_message_in_a_new_conversation_with_its_events()
    {
        var handle = Handle("maria");
        var request = ChannelEvents.Event("I was charged twice for my subscription and want a refund, this is unacceptable!", handle, "Maria Gonzales");

        var id = await intake.IngestAsync("x", request, _cancellation);
        await intake.SettleAsync(_cancellation);

        var conversation = await intake.ConversationAsync(await intake.ConversationOfAsync(id, _cancellation), _cancellation);
        Assert.Equal(("x", ConversationStatuses.Open, "billing", "support", "Maria Gonzales"),
            (conversation.Channel, conversation.Status, conversation.Topic, conversation.Department, conversation.CustomerName));
        Assert.Equal("complaint", conversation.Type);
        Assert.Equal("negative", conversation.Sentiment);
        Assert.Contains("billing", conversation.RoutingReason, StringComparison.OrdinalIgnoreCase);
        var message = Assert.Single(conversation.Messages);
        Assert.Equal((request.Text, MessageDirections.Inbound, "x", request.ExternalId), (message.Text, message.Direction, message.Channel, message.ExternalId));
        Assert.NotNull(message.Classification);
        Assert.NotEmpty(message.Classification.Signals);

        using var client = intake.CreateClient();
        var page = await client.GetFromJsonAsync<ConversationPage>("api/conversations?channel=x&department=support&status=open", _cancellation);
        var summary = Assert.Single(page!.Items, item => item.Id == conversation.Id);
        Assert.Equal(Conversation.PreviewOf(request.Text!), summary.Preview);

        await using var db = intake.NewDbContext();
        var stream = ConversationStream.Of(conversation.Id);
        var types = await db.EventLog.Where(e => e.StreamId == stream).OrderBy(e => e.Sequence).Select(e => e.Type).ToListAsync(_cancellation);
        // Nobody in support is available (nobody signed in): the conversation waits in its queue.
        Assert.Equal(["ConversationOpened", "MessageReceived", "ConversationQueued"], types);
    }

    [Fact]
    public async Task Replies_join_their_conversation_by_reply_and_by_thread_in_order()
    {
        var handle = Handle("tom");
        var root = ChannelEvents.Event("My parcel tracking has not updated in 5 days, where is my delivery?", handle, "Tom Baker", MessageKinds.Post);
        var reply = ChannelEvents.Event("Still nothing today.", handle, "Tom Baker", MessageKinds.Comment, inReplyTo: root.ExternalId,
            occurredAt: root.OccurredAt!.Value.AddMinutes(5));
        var inThread = ChannelEvents.Event("Any news on my package?", Handle("friend"), "A Friend", MessageKinds.Comment, threadId: root.ExternalId,
            occurredAt: root.OccurredAt!.Value.AddMinutes(9));

        var rootId = await intake.IngestAsync("community", root, _cancellation);
        await intake.IngestAsync("community", reply, _cancellation);
        await intake.IngestAsync("community", inThread, _cancellation);
        await intake.SettleAsync(_cancellation);

        var conversation = await intake.ConversationAsync(await intake.ConversationOfAsync(rootId, _cancellation), _cancellation);
        Assert.Equal([root.ExternalId, reply.ExternalId, inThread.ExternalId], conversation.Messages.Select(m => m.ExternalId));
    }

    [Fact]
    public async Task A_reply_that_arrives_before_its_parent_waits_for_it()
    {
        var handle = Handle("early");
        var parent = ChannelEvents.Event("Is there a student discount on the premium plan?", handle, "Early Bird", MessageKinds.Post);
        var reply = ChannelEvents.Event("Also for teachers?", handle, "Early Bird", MessageKinds.Comment, inReplyTo: parent.ExternalId);

        var replyId = await intake.IngestAsync("facebook", reply, _cancellation);
        var parentId = await intake.IngestAsync("facebook", parent, _cancellation);
        await intake.SettleAsync(_cancellation);

        Assert.Equal(await intake.ConversationOfAsync(parentId, _cancellation), await intake.ConversationOfAsync(replyId, _cancellation));
    }

    [Fact]
    public async Task Direct_messages_from_one_customer_stay_in_one_conversation()
    {
        var handle = Handle("dm");
        var first = await intake.IngestAsync("x", ChannelEvents.Event("Hi, I cannot log in to my account", handle, "Dee Em", MessageKinds.DirectMessage), _cancellation);
        var second = await intake.IngestAsync("x", ChannelEvents.Event("It says my password is wrong but I just reset it", handle, "Dee Em", MessageKinds.DirectMessage), _cancellation);
        await intake.SettleAsync(_cancellation);

        Assert.Equal(await intake.ConversationOfAsync(first, _cancellation), await intake.ConversationOfAsync(second, _cancellation));
    }

    [Fact]
    public async Task A_resolved_conversation_reopens_within_the_window_and_is_followed_up_after_it()
    {
        var handle = Handle("reopen");
        var chat = ChannelEvents.NewId("chat");
        var first = ChannelEvents.Event("My invoice shows the wrong address, can you fix it?", handle, "Re Open", MessageKinds.Chat, threadId: chat);
        var conversationId = await intake.ConversationOfAsync(await Carried(intake.IngestAsync("chat", first, _cancellation)), _cancellation);
        using var staff = intake.CreateClient();

        (await staff.PostAsJsonAsync($"api/conversations/{conversationId}/status", new ConversationStatusRequest("resolved"), _cancellation)).EnsureSuccessStatusCode();
        var resolvedAt = (await intake.ConversationAsync(conversationId, _cancellation)).ResolvedAt!.Value;
        var within = ChannelEvents.Event("Thanks, one more question about the invoice?", handle, "Re Open", MessageKinds.Chat, threadId: chat, occurredAt: resolvedAt.AddSeconds(1));
        Assert.Equal(conversationId, await intake.ConversationOfAsync(await Carried(intake.IngestAsync("chat", within, _cancellation)), _cancellation));
        var reopened = await intake.ConversationAsync(conversationId, _cancellation);
        Assert.Equal((ConversationStatuses.Open, 2), (reopened.Status, reopened.Messages.Count));

        (await staff.PostAsJsonAsync($"api/conversations/{conversationId}/status", new ConversationStatusRequest("resolved"), _cancellation)).EnsureSuccessStatusCode();
        resolvedAt = (await intake.ConversationAsync(conversationId, _cancellation)).ResolvedAt!.Value;
        var after = ChannelEvents.Event("The invoice is wrong again this month!", handle, "Re Open", MessageKinds.Chat, threadId: chat, occurredAt: resolvedAt.AddSeconds(6));
        var followUp = await intake.ConversationAsync(
            await intake.ConversationOfAsync(await Carried(intake.IngestAsync("chat", after, _cancellation)), _cancellation), _cancellation);

        Assert.NotEqual(conversationId, followUp.Id);
        Assert.Equal(conversationId, followUp.PreviousConversationId);
        Assert.Equal(ConversationStatuses.Resolved, (await intake.ConversationAsync(conversationId, _cancellation)).Status);
        await using var db = intake.NewDbContext();
        var audited = await db.AuditLog.Where(e => e.Target == $"conversation/{conversationId}").Select(e => e.Detail).ToListAsync(_cancellation);
        Assert.Equal(["open -> resolved", "open -> resolved"], audited);
    }

    [Fact]
    public async Task A_status_change_while_the_Workers_add_a_message_is_applied_to_what_they_committed()
    {
        var id = await Carried(intake.IngestAsync("x", ChannelEvents.Event("Where is my parcel? It is a week late!", Handle("race"), "Ra Ce"), _cancellation));
        var conversationId = await intake.ConversationOfAsync(id, _cancellation);

        // As a carrier would: the conversation changes (its version moves on) in a transaction still open.
        await using var connection = new Npgsql.NpgsqlConnection(intake.DatabaseConnectionString);
        await connection.OpenAsync(_cancellation);
        await using var carrier = await connection.BeginTransactionAsync(_cancellation);
        await using (var update = new Npgsql.NpgsqlCommand("UPDATE conversations SET version = version + 1, message_count = message_count + 1 WHERE id = $1", connection, carrier))
        {
            update.Parameters.Add(new Npgsql.NpgsqlParameter<Guid> { TypedValue = conversationId });
            await update.ExecuteNonQueryAsync(_cancellation);
        }

        using var staff = intake.CreateClient();
        var resolving = staff.PostAsJsonAsync($"api/conversations/{conversationId}/status", new ConversationStatusRequest("resolved"), _cancellation);
        await Task.Delay(300, _cancellation);
        Assert.False(resolving.IsCompleted, "the status change waits for the carrier's transaction");
        await carrier.CommitAsync(_cancellation);
        using var resolved = await resolving;

        Assert.Equal(HttpStatusCode.NoContent, resolved.StatusCode);
        await using var db = intake.NewDbContext();
        var conversation = await db.Conversations.SingleAsync(c => c.Id == conversationId, _cancellation);
        Assert.Equal((ConversationStatuses.Resolved, 2), (conversation.Status, conversation.MessageCount));
    }

    [Fact]
    public async Task Following_twice_at_once_follows_once()
    {
        var id = await Carried(intake.IngestAsync("x", ChannelEvents.Event("My refund has not arrived, can you check?", Handle("follow"), "Fol Low"), _cancellation));
        var conversationId = await intake.ConversationOfAsync(id, _cancellation);
        var staffId = Guid.NewGuid();
        using var agent = intake.CreateClient(ListeningFixture.Staff(staffId, "agent", "support"));

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => agent.PutAsync($"api/conversations/{conversationId}/follow", null, _cancellation)));

        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.NoContent, answer.StatusCode));
        await using var db = intake.NewDbContext();
        Assert.Equal(1, await db.ConversationParticipants.CountAsync(p => p.ConversationId == conversationId && p.StaffId == staffId, _cancellation));
        using var unfollowed = await agent.DeleteAsync($"api/conversations/{conversationId}/follow", _cancellation);
        Assert.False((await agent.GetFromJsonAsync<ConversationDetail>($"api/conversations/{conversationId}", _cancellation))!.Following);
    }

    [Fact]
    public async Task Invalid_filters_and_statuses_are_400_naming_the_field()
    {
        using var client = intake.CreateClient();

        foreach (var (query, field) in new[] { ("channel=myspace", "channel"), ("status=closed", "status"), ("department=it", "department"), ("limit=0", "limit"), ("offset=-1", "offset") })
        {
            using var response = await client.GetAsync($"api/conversations?{query}", _cancellation);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains($"\"{field}\"", await response.Content.ReadAsStringAsync(_cancellation), StringComparison.Ordinal);
        }

        using var status = await client.PostAsJsonAsync($"api/conversations/{Guid.NewGuid()}/status", new ConversationStatusRequest("closed"), _cancellation);
        Assert.Equal(HttpStatusCode.BadRequest, status.StatusCode);
    }

    [Fact]
    public async Task Search_finds_conversations_by_the_words_of_any_message()
    {
        var word = $"zebra{Guid.NewGuid():N}"[..14];
        var handle = Handle("search");
        var root = ChannelEvents.Event("The app crashes when I open settings", handle, "Sea Rch", MessageKinds.Post);
        var reply = ChannelEvents.Event($"It happens with the {word} theme only", handle, "Sea Rch", MessageKinds.Comment, inReplyTo: root.ExternalId);
        var id = await intake.IngestAsync("linkedin", root, _cancellation);
        await intake.IngestAsync("linkedin", reply, _cancellation);
        await intake.SettleAsync(_cancellation);
        using var client = intake.CreateClient();

        var found = await client.GetFromJsonAsync<ConversationPage>($"api/conversations?q={word}", _cancellation);
        var none = await client.GetFromJsonAsync<ConversationPage>($"api/conversations?q={word}x", _cancellation);

        Assert.Equal(await intake.ConversationOfAsync(id, _cancellation), Assert.Single(found!.Items).Id);
        Assert.Equal(1, found.Total);
        Assert.Empty(none!.Items);
    }

    private async Task<Guid> Carried(Task<Guid> ingested)
    {
        var id = await ingested;
        await intake.SettleAsync(_cancellation);
        return id;
    }

    private static string Handle(string name) => $"{name}_{Guid.NewGuid():N}"[..20];
}
