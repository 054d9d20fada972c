using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using SocialEnterprise.Api.IntegrationTests.Listening;
using SocialEnterprise.Contracts.Collaboration;
using SocialEnterprise.Contracts.Conversations;
using SocialEnterprise.Contracts.Listening;
using SocialEnterprise.Domain.Collaboration;
using SocialEnterprise.Domain.Conversations;
using SocialEnterprise.Domain.Listening;
using SocialEnterprise.Infrastructure.Collaboration;
using SocialEnterprise.Infrastructure.Conversations;
using SocialEnterprise.Infrastructure.Listening;
using SocialEnterprise.TestSupport;

namespace SocialEnterprise.Api.IntegrationTests.Collaboration;

/// <summary>@mentions in notes, and the notification centre: who is told what, and that each sees only their own.</summary>
public sealed class MentionAndNotificationTests(ListeningFixture fixture) : IClassFixture<ListeningFixture>
{
    private readonly CancellationToken _cancellation = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Mentioning_a_person_or_a_department_lets_them_see_the_conversation_and_notifies_them()
    {
        var conversation = await fixture.OpenAsync($"I was charged twice, refund please {Collaboration.NewWord()}", _cancellation);
        var (agentId, agentToken) = await fixture.DemoStaffAsync("agent", _cancellation);
        var (priyaId, priyaToken) = await fixture.DemoStaffAsync("product", _cancellation);
        var (lenaId, lenaToken) = await fixture.DemoStaffAsync("legal", _cancellation);
        var (_, miaToken) = await fixture.DemoStaffAsync("marketing", _cancellation);
        using var agent = fixture.CreateClient(agentToken);
        using var priya = fixture.CreateClient(priyaToken);
        using var lena = fixture.CreateClient(lenaToken);
        using var mia = fixture.CreateClient(miaToken);
        Assert.Equal(HttpStatusCode.NotFound, await StatusOfAsync(priya, conversation.Id));
        Assert.Equal(HttpStatusCode.NotFound, await StatusOfAsync(lena, conversation.Id));

        using var added = await agent.PostAsJsonAsync(
            $"api/conversations/{conversation.Id}/notes", new NoteRequest("Could @Priya and @legal look at this? Not @nobody, and not mail@legal."), _cancellation);
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);

        Assert.Equal(HttpStatusCode.OK, await StatusOfAsync(priya, conversation.Id));
        Assert.Equal(HttpStatusCode.OK, await StatusOfAsync(lena, conversation.Id));
        Assert.Equal(HttpStatusCode.NotFound, await StatusOfAsync(mia, conversation.Id));
        var link = $"/conversations/{conversation.Id}";
        var priyas = Assert.Single((await priya.NotificationsAsync(_cancellation)).Items, n => n.Link == link);
        Assert.Equal(NotificationKinds.Mention, priyas.Kind);
        Assert.Contains("Alex Agent mentioned you", priyas.Text);
        var lenas = Assert.Single((await lena.NotificationsAsync(_cancellation)).Items, n => n.Link == link);
        Assert.Contains("mentioned legal", lenas.Text);
        Assert.DoesNotContain((await agent.NotificationsAsync(_cancellation)).Items, n => n.Link == link);
        Assert.DoesNotContain((await mia.NotificationsAsync(_cancellation)).Items, n => n.Link == link);

        await using var db = fixture.NewDbContext();
        var participants = await db.ConversationParticipants
            .Where(p => p.ConversationId == conversation.Id && p.Reason == ParticipationReasons.Mentioned)
            .Select(p => p.StaffId).ToListAsync(_cancellation);
        Assert.Contains(priyaId, participants);
        Assert.Contains(lenaId, participants);
        Assert.DoesNotContain(agentId, participants);
        Assert.True(await db.EventLog.AnyAsync(e => e.StreamId == StaffStream.Of(priyaId) && e.Type == "StaffNotified", _cancellation));

        // Mentioned again: still one participation each, and one more notification.
        using var again = await agent.PostAsJsonAsync($"api/conversations/{conversation.Id}/notes", new NoteRequest("@priya ping"), _cancellation);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(1, await db.ConversationParticipants.CountAsync(
            p => p.ConversationId == conversation.Id && p.StaffId == priyaId && p.Reason == ParticipationReasons.Mentioned, _cancellation));
        Assert.Equal(2, (await priya.NotificationsAsync(_cancellation)).Items.Count(n => n.Link == link));
    }

    [Fact]
    public async Task Assignment_and_activity_on_a_followed_conversation_notify_the_right_people_but_never_for_their_own_doing()
    {
        var handle = $"fol_{Guid.NewGuid():N}"[..16];
        var conversation = await fixture.OpenAsync($"I was charged twice, refund please {Collaboration.NewWord()}", _cancellation, handle);
        var link = $"/conversations/{conversation.Id}";
        var (agentId, agentToken) = await fixture.DemoStaffAsync("agent", _cancellation);
        var (_, jordanToken) = await fixture.DemoStaffAsync("agent2", _cancellation);
        var (_, managerToken) = await fixture.DemoStaffAsync("support.manager", _cancellation);
        using var agent = fixture.CreateClient(agentToken);
        using var jordan = fixture.CreateClient(jordanToken);
        using var manager = fixture.CreateClient(managerToken);

        using (var assigned = await manager.PutAsJsonAsync($"api/conversations/{conversation.Id}/assignee", new AssignRequest(agentId), _cancellation))
        {
            Assert.Equal(HttpStatusCode.NoContent, assigned.StatusCode);
        }

        var assignment = Assert.Single((await agent.NotificationsAsync(_cancellation)).Items, n => n.Link == link);
        Assert.Equal(NotificationKinds.Assignment, assignment.Kind);
        Assert.Contains("Sam Support-Manager assigned you", assignment.Text);

        // Jordan follows: a customer's message and a colleague's note reach them; their own note does not.
        using (var follow = await jordan.PutAsync($"api/conversations/{conversation.Id}/follow", null, _cancellation))
        {
            Assert.Equal(HttpStatusCode.NoContent, follow.StatusCode);
        }

        var first = conversation.Messages[0];
        await fixture.IngestAsync("x", ChannelEvents.Event(
            "Any news on my refund?", handle, "Col Laborator", MessageKinds.Mention, inReplyTo: first.ExternalId), _cancellation);
        await fixture.SettleAsync(_cancellation);
        Assert.Equal(2, (await fixture.ConversationAsync(conversation.Id, _cancellation)).Messages.Count);
        var customerWrote = Assert.Single((await jordan.NotificationsAsync(_cancellation)).Items, n => n.Link == link);
        Assert.Equal(NotificationKinds.FollowedActivity, customerWrote.Kind);
        Assert.Contains("Any news on my refund?", customerWrote.Text);

        using (var note = await agent.PostAsJsonAsync($"api/conversations/{conversation.Id}/notes", new NoteRequest("Refund is on its way"), _cancellation))
        {
            Assert.Equal(HttpStatusCode.Created, note.StatusCode);
        }

        using (var own = await jordan.PostAsJsonAsync($"api/conversations/{conversation.Id}/notes", new NoteRequest("Thanks, noted"), _cancellation))
        {
            Assert.Equal(HttpStatusCode.Created, own.StatusCode);
        }

        // One line per conversation and subject, the latest on it: the customer's message and the note fold together.
        var followed = Assert.Single((await jordan.NotificationsAsync(_cancellation)).Items, n => n.Link == link);
        Assert.Contains("Alex Agent added a note: Refund is on its way", followed.Text);
        Assert.Equal((NotificationKinds.FollowedActivity, 2), (followed.Kind, followed.Updates));
        Assert.Equal(1, (await agent.NotificationsAsync(_cancellation)).Items.Count(n => n.Link == link));
    }

    [Fact]
    public async Task A_late_clocks_alerts_fold_into_one_line_a_mention_stays_its_own_and_kinds_filter()
    {
        var conversation = await fixture.OpenAsync($"I was charged twice, refund please {Collaboration.NewWord()}", _cancellation);
        var link = StaffNotifications.ConversationLink(conversation.Id);
        var (supervisorId, supervisorToken) = await fixture.DemoStaffAsync("support.manager", _cancellation);
        using var supervisor = fixture.CreateClient(supervisorToken);
        await supervisor.PostAsync("api/notifications/read-all", null, _cancellation);
        var at = DateTimeOffset.UtcNow;
        await using (var db = fixture.NewDbContext())
        {
            db.StaffNotifications.AddRange(
                StaffNotification.For(supervisorId, NotificationKinds.SlaWarning, "At risk: the first response", link, at),
                StaffNotification.For(supervisorId, NotificationKinds.Mention, "Alex Agent mentioned you: can you look?", link, at.AddSeconds(1)),
                StaffNotification.For(supervisorId, NotificationKinds.SlaPredictedBreach, "Breach predicted: the first response", link, at.AddSeconds(2)),
                StaffNotification.For(supervisorId, NotificationKinds.SlaBreach, "Breached: the first response", link, at.AddSeconds(3)));
            await db.SaveChangesAsync(_cancellation);
        }

        var page = await supervisor.NotificationsAsync(_cancellation);
        var lines = page.Items.Where(n => n.Link == link).ToList();
        Assert.Equal(2, lines.Count);
        Assert.Equal((NotificationKinds.SlaBreach, "Breached: the first response", 3), (lines[0].Kind, lines[0].Text, lines[0].Updates));
        Assert.Equal((NotificationKinds.Mention, 1), (lines[1].Kind, lines[1].Updates));
        Assert.Equal(2, page.Unread);

        var mentions = (await supervisor.GetFromJsonAsync<NotificationPage>("api/notifications?kind=mentions", _cancellation))!;
        Assert.All(mentions.Items, n => Assert.Equal(NotificationKinds.Mention, n.Kind));
        Assert.Contains(mentions.Items, n => n.Link == link);
        var serviceLevels = (await supervisor.GetFromJsonAsync<NotificationPage>("api/notifications?kind=sla", _cancellation))!;
        Assert.Equal(lines[0].Id, Assert.Single(serviceLevels.Items, n => n.Link == link).Id);
        using (var unknown = await supervisor.GetAsync("api/notifications?kind=everything", _cancellation))
        {
            Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
            Assert.Contains("\"kind\"", await unknown.Content.ReadAsStringAsync(_cancellation), StringComparison.Ordinal);
        }

        // Reading the line reads every alert it stands for; the mention is still unread.
        using (var read = await supervisor.PostAsync($"api/notifications/{lines[0].Id}/read", null, _cancellation))
        {
            Assert.Equal(HttpStatusCode.NoContent, read.StatusCode);
        }

        var after = await supervisor.NotificationsAsync(_cancellation);
        Assert.Equal(1, after.Unread);
        Assert.NotNull(after.Items.Single(n => n.Id == lines[0].Id).ReadAt);
        Assert.Null(after.Items.Single(n => n.Id == lines[1].Id).ReadAt);
        await using var check = fixture.NewDbContext();
        Assert.Equal(0, await check.StaffNotifications.CountAsync(
            n => n.RecipientId == supervisorId && n.Link == link && n.Kind != NotificationKinds.Mention && n.ReadAt == null, _cancellation));
    }

    [Fact]
    public async Task Notifications_are_read_one_by_one_or_all_at_once_and_only_ever_ones_own()
    {
        var conversation = await fixture.OpenAsync($"I was charged twice, refund please {Collaboration.NewWord()}", _cancellation);
        var (_, agentToken) = await fixture.DemoStaffAsync("agent", _cancellation);
        var (_, lenaToken) = await fixture.DemoStaffAsync("legal", _cancellation);
        var (_, priyaToken) = await fixture.DemoStaffAsync("product", _cancellation);
        using var agent = fixture.CreateClient(agentToken);
        using var lena = fixture.CreateClient(lenaToken);
        using var priya = fixture.CreateClient(priyaToken);
        await agent.AskAsync(conversation.Id, "legal", "First question", _cancellation);
        await agent.AskAsync(conversation.Id, "legal", "Second question", _cancellation);

        var page = await lena.NotificationsAsync(_cancellation);
        var mine = page.Items.Where(n => n.Link == $"/conversations/{conversation.Id}").ToList();
        Assert.Equal(2, mine.Count);
        Assert.Contains("Second question", mine[0].Text);
        Assert.True(page.Unread >= 2);
        Assert.DoesNotContain((await priya.NotificationsAsync(_cancellation)).Items, n => mine.Any(m => m.Id == n.Id));

        using (var notMine = await priya.PostAsync($"api/notifications/{mine[0].Id}/read", null, _cancellation))
        {
            Assert.Equal(HttpStatusCode.NotFound, notMine.StatusCode);
        }

        using (var read = await lena.PostAsync($"api/notifications/{mine[0].Id}/read", null, _cancellation))
        {
            Assert.Equal(HttpStatusCode.NoContent, read.StatusCode);
        }

        var afterOne = await lena.NotificationsAsync(_cancellation);
        Assert.Equal(page.Unread - 1, afterOne.Unread);
        Assert.NotNull(afterOne.Items.Single(n => n.Id == mine[0].Id).ReadAt);
        Assert.Null(afterOne.Items.Single(n => n.Id == mine[1].Id).ReadAt);

        var priyaUnread = (await priya.NotificationsAsync(_cancellation)).Unread;
        using (var all = await lena.PostAsync("api/notifications/read-all", null, _cancellation))
        {
            Assert.Equal(HttpStatusCode.NoContent, all.StatusCode);
        }

        Assert.Equal(0, (await lena.NotificationsAsync(_cancellation)).Unread);
        Assert.Equal(priyaUnread, (await priya.NotificationsAsync(_cancellation)).Unread);
        using var byKey = await fixture.CreateClient().GetAsync("api/notifications", _cancellation);
        Assert.Equal(HttpStatusCode.BadRequest, byKey.StatusCode);
    }

    private async Task<HttpStatusCode> StatusOfAsync(HttpClient client, Guid conversationId)
    {
        using var response = await client.GetAsync($"api/conversations/{conversationId}", _cancellation);
        return response.StatusCode;
    }
}
