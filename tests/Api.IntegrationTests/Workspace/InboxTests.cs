using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using SocialEnterprise.Api.IntegrationTests.Listening;
using SocialEnterprise.Contracts.Audit;
using SocialEnterprise.Contracts.Conversations;
using SocialEnterprise.Contracts.Listening;
using SocialEnterprise.Contracts.Staff;
using SocialEnterprise.Domain.Audit;
using SocialEnterprise.Domain.Conversations;
using SocialEnterprise.Domain.Listening;
using SocialEnterprise.Domain.Staff;
using SocialEnterprise.Infrastructure.Audit;
using SocialEnterprise.Infrastructure.Conversations;
using SocialEnterprise.Infrastructure.Listening;
using SocialEnterprise.Infrastructure.Staff;
using SocialEnterprise.TestSupport;

namespace SocialEnterprise.Api.IntegrationTests.Workspace;

/// <summary>The inbox's filters, search, order, counts, saved views, assignment and notes, against real conversations.</summary>
public sealed class InboxTests(ListeningFixture intake) : IClassFixture<ListeningFixture>
{
    private readonly CancellationToken _cancellation = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_filter_narrows_to_exactly_the_conversations_that_match_it()
    {
        var word = NewWord();
        var conversations = await OpenAsync(("x", $"I was charged twice on my invoice, I want a refund now {word}!", MessageKinds.Mention),
            ("email", $"Under GDPR I request that you delete my personal data {word}.", MessageKinds.Email),
            ("community", $"Idea: please add a dark mode option to the dashboard {word}", MessageKinds.Post),
            ("reviews", $"Love the new app, great work team {word}", MessageKinds.Review),
            ("chat", $"URGENT the app crashes every time I log in, I cannot work {word}", MessageKinds.DirectMessage));
        using var admin = intake.CreateClient();
        await ChangeStatusAsync(admin, conversations[3].Id, ConversationStatuses.Resolved);
        conversations = [.. await Task.WhenAll(conversations.Select(c => intake.ConversationAsync(c.Id, _cancellation)))];

        var facets = new Dictionary<string, Func<ConversationDetail, string?>>
        {
            ["channel"] = c => c.Channel,
            ["status"] = c => c.Status,
            ["department"] = c => c.Department,
            ["type"] = c => c.Type,
            ["sentiment"] = c => c.Sentiment,
            ["priority"] = c => c.Priority,
            ["topic"] = c => c.Topic,
        };
        var checkedValues = 0;
        foreach (var (facet, valueOf) in facets)
        {
            foreach (var value in conversations.Select(valueOf).OfType<string>().Distinct())
            {
                var page = await InboxAsync(admin, $"q={word}&{facet}={Uri.EscapeDataString(value)}");
                Assert.Equal(
                    conversations.Where(c => valueOf(c) == value).Select(c => c.Id).Order(),
                    page.Items.Select(i => i.Id).Order());
                Assert.Equal(page.Items.Count, page.Total);
                checkedValues++;
            }
        }

        Assert.True(checkedValues >= 15, $"the five messages should differ on most facets, {checkedValues} values checked");
        var combined = await InboxAsync(admin, $"q={word}&status=open&channel=x");
        Assert.Equal([conversations[0].Id], combined.Items.Select(i => i.Id));
    }

    [Fact]
    public async Task Search_finds_words_anywhere_in_the_thread_and_the_orders_are_stable()
    {
        var word = NewWord();
        var reply = NewWord();
        var conversations = await OpenAsync(("x", $"Where is my parcel {word}?", MessageKinds.Mention),
            ("x", $"My delivery is late again {word}", MessageKinds.Mention),
            ("x", $"The courier never came {word}", MessageKinds.Mention));
        var first = conversations[0];
        var message = first.Messages[0];
        await intake.IngestAsync("x", ChannelEvents.Event($"still waiting, tracking says {reply}", "searcher", "Sea Rcher", inReplyTo: message.ExternalId), _cancellation);
        await intake.SettleAsync(_cancellation);
        using var admin = intake.CreateClient();

        Assert.Equal([first.Id], (await InboxAsync(admin, $"q={reply}")).Items.Select(i => i.Id));
        Assert.Equal([first.Id], (await InboxAsync(admin, $"q={Uri.EscapeDataString($"\"tracking says {reply}\"")}")).Items.Select(i => i.Id));
        // Search reads the conversation as a whole: "word -reply" leaves out the one whose reply has the other word.
        Assert.DoesNotContain((await InboxAsync(admin, $"q={word} -{reply}&channel=x")).Items, i => i.Id == first.Id);
        Assert.Equal(2, (await InboxAsync(admin, $"q={word} -{reply}&channel=x")).Total);
        Assert.Empty((await InboxAsync(admin, $"q={reply} -tracking")).Items);

        var newest = await InboxAsync(admin, $"q={word}");
        Assert.Equal(newest.Items.OrderByDescending(i => i.LastActivityAt).Select(i => i.LastActivityAt), newest.Items.Select(i => i.LastActivityAt));
        Assert.Equal(first.Id, newest.Items[0].Id);
        var waiting = await InboxAsync(admin, $"q={word}&sort=waiting");
        Assert.Equal(newest.Items.Select(i => i.Id).Reverse(), waiting.Items.Select(i => i.Id));

        var pageOne = await InboxAsync(admin, $"q={word}", limit: 2);
        var pageTwo = await InboxAsync(admin, $"q={word}", limit: 2, offset: 2);
        Assert.Equal(3, pageOne.Total);
        Assert.Equal(newest.Items.Select(i => i.Id), pageOne.Items.Concat(pageTwo.Items).Select(i => i.Id));
    }

    [Fact]
    public async Task Service_level_states_follow_the_response_clock_and_due_sorts_soonest_first()
    {
        var word = NewWord();
        var conversations = await OpenAsync(
            ("x", $"I was charged twice on my invoice, I want a refund {word}", MessageKinds.Mention),
            ("x", $"My parcel is lost, where is my delivery? {word}", MessageKinds.Mention),
            ("x", $"The app crashes every time I open it, please fix this {word}", MessageKinds.Mention),
            ("x", $"Where can I find the pricing for teams? {word}", MessageKinds.Mention));
        var (onTrack, atRisk, breached, resolved) = (conversations[0].Id, conversations[1].Id, conversations[2].Id, conversations[3].Id);
        await using (var db = intake.NewDbContext())
        {
            await db.Database.ExecuteSqlAsync(
                $"UPDATE conversations SET response_warn_at = now() - interval '10 minutes', response_due_at = now() + interval '5 minutes' WHERE id = {atRisk}",
                _cancellation);
            await db.Database.ExecuteSqlAsync(
                $"UPDATE conversations SET response_warn_at = now() - interval '2 hours', response_due_at = now() - interval '1 hour' WHERE id = {breached}",
                _cancellation);
        }

        using var admin = intake.CreateClient();
        await ChangeStatusAsync(admin, resolved, ConversationStatuses.Resolved);

        Assert.Equal([onTrack], (await InboxAsync(admin, $"q={word}&sla=on-track")).Items.Select(i => i.Id));
        Assert.Equal([atRisk], (await InboxAsync(admin, $"q={word}&sla=at-risk")).Items.Select(i => i.Id));
        Assert.Equal([breached], (await InboxAsync(admin, $"q={word}&sla=breached")).Items.Select(i => i.Id));
        Assert.Equal([resolved], (await InboxAsync(admin, $"q={word}&sla=none")).Items.Select(i => i.Id));
        var due = await InboxAsync(admin, $"q={word}&sort=due");
        Assert.Equal([breached, atRisk, onTrack, resolved], due.Items.Select(i => i.Id));
        Assert.Equal(
            [ServiceLevelStates.Breached, ServiceLevelStates.AtRisk, ServiceLevelStates.OnTrack, ServiceLevelStates.None],
            due.Items.Select(i => i.ServiceLevel));
        Assert.Equal(ServiceLevelStates.Breached, (await intake.ConversationAsync(breached, _cancellation)).ServiceLevel);
    }

    [Fact]
    public async Task Bad_filters_are_named_in_problem_details()
    {
        using var admin = intake.CreateClient();

        using var response = await admin.GetAsync(
            "api/conversations?status=closed&channel=fax&sla=late&sort=random&assignee=someone&priority=meh&type=rant&sentiment=angry&department=hr&limit=0",
            _cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ValidationProblemDetails>(_cancellation);
        Assert.Equal(
            ["assignee", "channel", "department", "limit", "priority", "sentiment", "sla", "sort", "status", "type"],
            problem!.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Assigning_to_a_member_of_the_department_shows_in_filters_history_audit_and_the_event_log()
    {
        var word = NewWord();
        var conversation = (await OpenAsync(("x", $"I was charged twice, refund please {word}", MessageKinds.Mention)))[0];
        Assert.Equal("support", conversation.Department);
        var (agentId, agentToken) = await intake.DemoStaffAsync("agent", _cancellation);
        var (legalId, _) = await intake.DemoStaffAsync("legal", _cancellation);
        var (_, managerToken) = await intake.DemoStaffAsync("support.manager", _cancellation);
        using var manager = intake.CreateClient(managerToken);
        using var agent = intake.CreateClient(agentToken);

        using var wrongDepartment = await manager.PutAsJsonAsync($"api/conversations/{conversation.Id}/assignee", new AssignRequest(legalId), _cancellation);
        Assert.Equal(HttpStatusCode.BadRequest, wrongDepartment.StatusCode);
        Assert.Contains("staffId", await wrongDepartment.Content.ReadAsStringAsync(_cancellation), StringComparison.Ordinal);
        Assert.Equal([conversation.Id], (await InboxAsync(manager, $"q={word}&assignee=none")).Items.Select(i => i.Id));

        using var assigned = await manager.PutAsJsonAsync($"api/conversations/{conversation.Id}/assignee", new AssignRequest(agentId), _cancellation);
        Assert.Equal(HttpStatusCode.NoContent, assigned.StatusCode);

        Assert.Empty((await InboxAsync(manager, $"q={word}&assignee=none")).Items);
        var mine = await InboxAsync(agent, $"q={word}&assignee=me");
        Assert.Equal("Alex Agent", Assert.Single(mine.Items).AssigneeName);
        Assert.Equal([conversation.Id], (await InboxAsync(manager, $"q={word}&assignee={agentId}")).Items.Select(i => i.Id));
        var detail = await intake.ConversationAsync(conversation.Id, _cancellation);
        Assert.Equal(agentId, detail.AssigneeId);
        var history = Assert.Single(detail.History!, h => h.Kind == "assignment");
        Assert.Equal("Assigned to Alex Agent", history.Text);
        Assert.Equal("Sam Support-Manager", history.By);
        await using var db = intake.NewDbContext();
        Assert.True(await db.AuditLog.AnyAsync(a => a.Action == AuditActions.ConversationAssigned && a.Target == $"conversation/{conversation.Id}", _cancellation));
        var stream = ConversationStream.Of(conversation.Id);
        Assert.True(await db.EventLog.AnyAsync(e => e.StreamId == stream && e.Type == "ConversationAssigned", _cancellation));

        using var unassigned = await agent.PutAsJsonAsync($"api/conversations/{conversation.Id}/assignee", new AssignRequest(null), _cancellation);
        Assert.Equal(HttpStatusCode.NoContent, unassigned.StatusCode);
        Assert.Null((await intake.ConversationAsync(conversation.Id, _cancellation)).AssigneeId);
    }

    [Fact]
    public async Task An_assigned_conversation_is_visible_to_its_assignee_wherever_it_is_routed()
    {
        var word = NewWord();
        var conversation = (await OpenAsync(("x", $"Please add an export to Excel feature {word}", MessageKinds.Mention)))[0];
        var (jordanId, jordanToken) = await intake.DemoStaffAsync("agent2", _cancellation);
        using var jordan = intake.CreateClient(jordanToken);
        Assert.NotEqual("support", conversation.Department);
        Assert.Empty((await InboxAsync(jordan, $"q={word}")).Items);

        await using (var db = intake.NewDbContext())
        {
            var tracked = await db.Conversations.SingleAsync(c => c.Id == conversation.Id, _cancellation);
            tracked.Assign(jordanId, "Jordan Agent", "test", DateTimeOffset.UtcNow);
            await db.SaveChangesAsync(_cancellation);
        }

        Assert.Equal([conversation.Id], (await InboxAsync(jordan, $"q={word}")).Items.Select(i => i.Id));
    }

    [Fact]
    public async Task Notes_go_into_the_internal_thread_with_their_author_and_are_refused_when_empty_or_invisible()
    {
        var word = NewWord();
        var conversation = (await OpenAsync(("x", $"My invoice shows the wrong VAT number {word}", MessageKinds.Mention)))[0];
        var (_, agentToken) = await intake.DemoStaffAsync("agent", _cancellation);
        var (_, legalToken) = await intake.DemoStaffAsync("legal", _cancellation);
        using var agent = intake.CreateClient(agentToken);
        using var legal = intake.CreateClient(legalToken);
        using var key = intake.CreateClient();

        using var added = await agent.PostAsJsonAsync($"api/conversations/{conversation.Id}/notes", new NoteRequest("  Checked: VAT id changed in March.  "), _cancellation);
        using var empty = await agent.PostAsJsonAsync($"api/conversations/{conversation.Id}/notes", new NoteRequest("   "), _cancellation);
        using var tooLong = await agent.PostAsJsonAsync($"api/conversations/{conversation.Id}/notes", new NoteRequest(new string('a', 4001)), _cancellation);
        using var invisible = await legal.PostAsJsonAsync($"api/conversations/{conversation.Id}/notes", new NoteRequest("Not mine"), _cancellation);
        using var byKey = await key.PostAsJsonAsync($"api/conversations/{conversation.Id}/notes", new NoteRequest("From a key"), _cancellation);

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("\"text\"", await empty.Content.ReadAsStringAsync(_cancellation), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, invisible.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, byKey.StatusCode);
        var note = Assert.Single((await intake.ConversationAsync(conversation.Id, _cancellation)).Notes!);
        Assert.Equal("Checked: VAT id changed in March.", note.Text);
        Assert.Equal("Alex Agent", note.AuthorName);
        Assert.Equal("support", note.AuthorDepartment);
        await using var db = intake.NewDbContext();
        var stream = ConversationStream.Of(conversation.Id);
        Assert.Equal(1, await db.EventLog.CountAsync(e => e.StreamId == stream && e.Type == "NoteAdded", _cancellation));
        Assert.Equal(1, await db.AuditLog.CountAsync(a => a.Action == AuditActions.NoteAdded && a.Target == $"conversation/{conversation.Id}", _cancellation));
    }

    [Fact]
    public async Task Saved_views_belong_to_their_owner_are_validated_and_counted()
    {
        var word = NewWord();
        await OpenAsync(
            ("x", $"I was charged twice on my card, please refund {word}", MessageKinds.Mention),
            ("email", $"Can you tell me when my order ships? {word}", MessageKinds.Email));
        var (_, agentToken) = await intake.DemoStaffAsync("agent", _cancellation);
        var (_, otherToken) = await intake.DemoStaffAsync("agent2", _cancellation);
        using var agent = intake.CreateClient(agentToken);
        using var other = intake.CreateClient(otherToken);

        using var saved = await agent.PostAsJsonAsync("api/inbox/views", new SavedViewRequest("My X", $"q={word}&channel=x"), _cancellation);
        using var duplicate = await agent.PostAsJsonAsync("api/inbox/views", new SavedViewRequest("My X", "status=open"), _cancellation);
        using var invalid = await agent.PostAsJsonAsync("api/inbox/views", new SavedViewRequest("", "status=closed&sla=late"), _cancellation);
        using var byKey = await intake.CreateClient().PostAsJsonAsync("api/inbox/views", new SavedViewRequest("Key view", "status=open"), _cancellation);

        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        var view = (await saved.Content.ReadFromJsonAsync<SavedViewView>(_cancellation))!;
        Assert.Equal($"q={word}&channel=x", view.Query);
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Contains("\"name\"", await duplicate.Content.ReadAsStringAsync(_cancellation), StringComparison.Ordinal);
        var problem = await invalid.Content.ReadAsStringAsync(_cancellation);
        Assert.Contains("query.status", problem, StringComparison.Ordinal);
        Assert.Contains("query.sla", problem, StringComparison.Ordinal);
        Assert.Contains("\"name\"", problem, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, byKey.StatusCode);

        Assert.Equal(["My X"], (await agent.GetFromJsonAsync<List<SavedViewView>>("api/inbox/views", _cancellation))!.Select(v => v.Name));
        Assert.Empty((await other.GetFromJsonAsync<List<SavedViewView>>("api/inbox/views", _cancellation))!);
        var counts = (await agent.GetFromJsonAsync<List<InboxViewCount>>("api/inbox/counts", _cancellation))!;
        var mine = Assert.Single(counts, c => c.SavedViewId == view.Id);
        Assert.Equal(1, mine.Count);
        Assert.Equal(BuiltInInboxViews.All.Select(v => v.Key), counts.Where(c => c.SavedViewId is null).Select(c => c.Key));

        using var notTheirs = await other.DeleteAsync($"api/inbox/views/{view.Id}", _cancellation);
        using var deleted = await agent.DeleteAsync($"api/inbox/views/{view.Id}", _cancellation);
        Assert.Equal(HttpStatusCode.NotFound, notTheirs.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Empty((await agent.GetFromJsonAsync<List<SavedViewView>>("api/inbox/views", _cancellation))!);
    }

    [Fact]
    public async Task Built_in_view_counts_follow_what_the_caller_sees()
    {
        var (agentId, agentToken) = await intake.DemoStaffAsync("agent", _cancellation);
        using var agent = intake.CreateClient(agentToken);
        var before = await CountsAsync(agent);
        var word = NewWord();
        var conversation = (await OpenAsync(("x", $"I want a refund for a double charge {word}", MessageKinds.Mention)))[0];
        await OpenAsync(("email", $"Under GDPR delete all my personal data {word}", MessageKinds.Email));

        var afterOpen = await CountsAsync(agent);
        Assert.Equal(before["open"] + 1, afterOpen["open"]);
        Assert.Equal(before["unassigned"] + 1, afterOpen["unassigned"]);

        using var assigned = await agent.PutAsJsonAsync($"api/conversations/{conversation.Id}/assignee", new AssignRequest(agentId), _cancellation);
        Assert.Equal(HttpStatusCode.NoContent, assigned.StatusCode);
        var afterAssign = await CountsAsync(agent);
        Assert.Equal(before["mine"] + 1, afterAssign["mine"]);
        Assert.Equal(before["unassigned"], afterAssign["unassigned"]);
    }

    private async Task<Dictionary<string, int>> CountsAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<List<InboxViewCount>>("api/inbox/counts", _cancellation))!.ToDictionary(c => c.Key, c => c.Count);

    private async Task<List<ConversationDetail>> OpenAsync(params (string Channel, string Text, string Kind)[] messages)
    {
        var ids = new List<Guid>();
        foreach (var (channel, text, kind) in messages)
        {
            ids.Add(await intake.IngestAsync(channel, ChannelEvents.Event(text, $"inb_{Guid.NewGuid():N}"[..16], "In Box", kind), _cancellation));
            // Apart in time, so that "newest activity first" has one answer.
            await intake.SettleAsync(_cancellation);
            await Task.Delay(5, _cancellation);
        }

        var conversations = new List<ConversationDetail>();
        foreach (var (id, text) in ids.Zip(messages.Select(m => m.Text)))
        {
            await using (var db = intake.NewDbContext())
            {
                var status = await db.IngestEvents.Where(e => e.Id == id).Select(e => e.FilterReason).SingleAsync(_cancellation);
                Assert.True(status is null, $"\"{text}\" was filtered: {status}");
            }

            conversations.Add(await intake.ConversationAsync(await intake.ConversationOfAsync(id, _cancellation), _cancellation));
        }

        Assert.Equal(messages.Length, conversations.Select(c => c.Id).Distinct().Count());
        return conversations;
    }

    private async Task<ConversationPage> InboxAsync(HttpClient client, string query, int limit = 50, int offset = 0)
    {
        using var response = await client.GetAsync($"api/conversations?{query}&limit={limit}&offset={offset}", _cancellation);
        Assert.True(response.IsSuccessStatusCode, $"{query}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(_cancellation)}");
        return (await response.Content.ReadFromJsonAsync<ConversationPage>(_cancellation))!;
    }

    private async Task ChangeStatusAsync(HttpClient client, Guid id, string status)
    {
        using var response = await client.PostAsJsonAsync($"api/conversations/{id}/status", new ConversationStatusRequest(status), _cancellation);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    private static string NewWord() => $"w{Guid.NewGuid():N}"[..14];
}
