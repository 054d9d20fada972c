using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialEnterprise.Api.IntegrationTests.Listening;
using SocialEnterprise.Contracts.Assignment;
using SocialEnterprise.Contracts.Audit;
using SocialEnterprise.Contracts.Collaboration;
using SocialEnterprise.Contracts.Conversations;
using SocialEnterprise.Contracts.Listening;
using SocialEnterprise.Contracts.Staff;
using SocialEnterprise.Domain.Audit;
using SocialEnterprise.Domain.Collaboration;
using SocialEnterprise.Domain.Conversations;
using SocialEnterprise.Domain.Staff;
using SocialEnterprise.Infrastructure.Assignment;
using SocialEnterprise.Infrastructure.Audit;
using SocialEnterprise.Infrastructure.Collaboration;
using SocialEnterprise.Infrastructure.Conversations;
using SocialEnterprise.Infrastructure.Persistence;
using SocialEnterprise.Infrastructure.Staff;
using SocialEnterprise.TestSupport;

namespace SocialEnterprise.Api.IntegrationTests.Assignment;

/// <summary>
/// Automatic assignment inside the routed department, the queue and its draining, claims, and the settings behind
/// them, through the Api and the Workers' real carrier. Each test starts from a department where nobody is available
/// and nothing is open, and brings in staff of its own.
/// </summary>
public sealed class AssignmentTests(ListeningFixture intake) : IClassFixture<ListeningFixture>
{
    private readonly CancellationToken _cancellation = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Round_robin_gives_available_members_new_conversations_in_turn_and_skips_away_and_offline()
    {
        await ResetAsync();
        var first = await StaffAsync("Rona");
        var second = await StaffAsync("Robin");
        await StaffAsync("Away", StaffAvailability.Away);
        await StaffAsync("Gone", StaffAvailability.Offline);

        var assignees = new List<Guid?>();
        for (var i = 0; i < 4; i++)
        {
            assignees.Add((await ConversationAsync(await OpenAsync(Delivery()))).AssigneeId);
        }

        Assert.Equal(new HashSet<Guid?> { first.Id, second.Id }, assignees.Take(2).ToHashSet());
        Assert.Equal(assignees.Take(2), assignees.Skip(2));
        var detail = await intake.ConversationAsync(await OpenAsync(Delivery()), _cancellation);
        var history = Assert.Single(detail.History!, entry => entry.Kind == "assignment");
        Assert.Equal(AssignmentService.By, history.By);
        Assert.Contains("round-robin in support: ", history.Text, StringComparison.Ordinal);
        Assert.Contains("3/8 open", history.Text, StringComparison.Ordinal);

        // The assignee hears of it in their notification centre, with the event that reloads their bell, once.
        await using var db = intake.NewDbContext();
        var notified = await db.StaffNotifications
            .Where(n => n.RecipientId == detail.AssigneeId && n.Kind == NotificationKinds.Assignment && n.Link == $"/conversations/{detail.Id}")
            .ToListAsync(_cancellation);
        var notification = Assert.Single(notified);
        Assert.Contains("round-robin in support", notification.Text, StringComparison.Ordinal);
        // Whose conversation and what they wrote, without opening it.
        var customer = (await db.Customers.SingleAsync(c => c.Id == detail.CustomerId, _cancellation)).DisplayName;
        Assert.StartsWith($"You were assigned {customer}'s conversation: “", notification.Text, StringComparison.Ordinal);
        var stream = StaffStream.Of(detail.AssigneeId!.Value);
        var bell = await db.EventLog.Where(e => e.StreamId == stream && e.Type == "StaffNotified").Select(e => e.Payload).ToListAsync(_cancellation);
        Assert.Single(bell, payload => payload.Contains(notification.Id.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_conversation_that_opens_with_an_assignee_is_left_alone()
    {
        await ResetAsync();
        var keeper = await StaffAsync("Keeper", StaffAvailability.Away);
        await StaffAsync("Taker");
        var id = await OpenAsync(Delivery());
        await AssignAsync(id, keeper.Id);

        // As a routing rule's "assign to person" leaves it when the Workers open it.
        await using var scope = intake.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var conversation = await db.Conversations.SingleAsync(c => c.Id == id, _cancellation);
        await scope.ServiceProvider.GetRequiredService<AssignmentService>().AssignNewAsync(conversation, _cancellation);

        Assert.Equal(keeper.Id, conversation.AssigneeId);
        Assert.Null(conversation.QueuedAt);
        Assert.Empty(conversation.PendingEvents);
    }

    [Fact]
    public async Task Least_load_picks_the_fewest_open_then_whoever_waited_longest_for_one()
    {
        await ResetAsync(AssignmentStrategies.LeastLoad);
        // Opened while nobody was available, then given to Busy by hand: one open, never assigned automatically.
        var earlier = await OpenAsync(Delivery());
        var busy = await StaffAsync("Busy");
        var idle = await StaffAsync("Idle");
        await AssignAsync(earlier, busy.Id);

        var order = new List<Guid?>();
        for (var i = 0; i < 3; i++)
        {
            order.Add((await ConversationAsync(await OpenAsync(Delivery()))).AssigneeId);
        }

        Assert.Equal([idle.Id, busy.Id, idle.Id], order);
    }

    [Fact]
    public async Task Members_skilled_in_the_topic_are_preferred_while_they_have_room()
    {
        await ResetAsync();
        var billingExpert = await StaffAsync("Bill", capacity: 2, skills: ["billing"]);
        var generalist = await StaffAsync("Gene");

        var billing1 = await ConversationAsync(await OpenAsync(Billing()));
        var billing2 = await ConversationAsync(await OpenAsync(Billing()));
        var billing3 = await ConversationAsync(await OpenAsync(Billing()));

        Assert.Equal(billingExpert.Id, billing1.AssigneeId);
        Assert.Equal("billing", billing1.Topic);
        Assert.Equal(billingExpert.Id, billing2.AssigneeId);
        // The expert is full: the next goes to someone without the skill rather than wait.
        Assert.Equal(generalist.Id, billing3.AssigneeId);
        var reason = (await intake.ConversationAsync(billing1.Id, _cancellation)).History!.Single(e => e.Kind == "assignment").Text;
        Assert.Contains("skill billing", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_room_conversations_queue_by_priority_then_waiting_and_drain_as_room_appears()
    {
        await ResetAsync();
        var only = await StaffAsync("Solo", capacity: 1);
        var working = await OpenAsync(Delivery());
        var older = await OpenAsync(Delivery());
        var newer = await OpenAsync(Delivery());
        var newest = await OpenAsync(Delivery());
        Assert.Equal(only.Id, (await ConversationAsync(working)).AssigneeId);
        await using (var db = intake.NewDbContext())
        {
            await db.Conversations.Where(c => c.Id == newer).ExecuteUpdateAsync(s => s.SetProperty(c => c.Priority, Priorities.Urgent), _cancellation);
            await db.Conversations.Where(c => c.Id == older || c.Id == newest)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Priority, Priorities.Normal), _cancellation);
        }

        foreach (var queued in new[] { older, newer, newest })
        {
            var conversation = await ConversationAsync(queued);
            Assert.Null(conversation.AssigneeId);
            Assert.NotNull(conversation.QueuedAt);
        }

        using var member = intake.CreateClient(only.Token);
        Assert.Equal([newer, older, newest], (await QueueAsync(member, "support")).Select(q => q.Id));
        var support = (await DepartmentsAsync()).Single(d => d.Id == "support");
        Assert.Equal(3, support.QueueLength);
        var solo = Assert.Single(support.Members, m => m.Id == only.Id);
        Assert.Equal((1, 1, StaffAvailability.Available), (solo.Open, solo.Capacity, solo.Availability));

        // Resolving makes room: the urgent one goes first.
        await StatusAsync(working, ConversationStatuses.Resolved);
        Assert.Equal(only.Id, (await ConversationAsync(newer)).AssigneeId);
        Assert.Equal([older, newest], (await QueueAsync(member, "support")).Select(q => q.Id));

        // Waiting on the customer makes room too.
        await StatusAsync(newer, ConversationStatuses.Pending);
        Assert.Equal(only.Id, (await ConversationAsync(older)).AssigneeId);

        // More capacity takes the rest.
        using var admin = intake.CreateClient();
        using var raised = await admin.PutAsJsonAsync($"api/staff/{only.Id}", new StaffSettingsRequest(2, null), _cancellation);
        Assert.Equal(HttpStatusCode.NoContent, raised.StatusCode);
        var last = await ConversationAsync(newest);
        Assert.Equal(only.Id, last.AssigneeId);
        Assert.Null(last.QueuedAt);
        Assert.Empty(await QueueAsync(member, "support"));
    }

    [Fact]
    public async Task Conversations_opened_in_one_batch_go_in_turn_and_count_against_capacity_with_what_the_batch_reopened()
    {
        await ResetAsync();
        var first = await StaffAsync("Batcha", capacity: 2);
        var second = await StaffAsync("Batchb", capacity: 2);
        // A resolved conversation of the first member's, which its customer's next message reopens in the same batch.
        var handle = $"re_{Guid.NewGuid():N}"[..16];
        var earlier = await intake.IngestAsync("x", ChannelEvents.Event(Delivery(), handle, "Reo Pener", MessageKinds.DirectMessage), _cancellation);
        await intake.SettleAsync(_cancellation);
        var reopened = await intake.ConversationOfAsync(earlier, _cancellation);
        await AssignAsync(reopened, first.Id);
        await StatusAsync(reopened, ConversationStatuses.Resolved);

        var batch = new List<Guid> { await intake.IngestAsync("x", ChannelEvents.Event(Delivery(), handle, "Reo Pener", MessageKinds.DirectMessage), _cancellation) };
        for (var i = 0; i < 4; i++)
        {
            batch.Add(await intake.IngestAsync("x", ChannelEvents.Event(Delivery(), $"bt{i}_{Guid.NewGuid():N}"[..16], "Batch Customer"), _cancellation));
        }

        Assert.Equal(batch.Count, (await intake.Carrier.CarryBatchAsync(_cancellation)).Claimed);

        Assert.Equal(reopened, await intake.ConversationOfAsync(batch[0], _cancellation));
        Assert.Equal((ConversationStatuses.Open, first.Id), ((await ConversationAsync(reopened)).Status, (await ConversationAsync(reopened)).AssigneeId));
        var opened = new List<Conversation>();
        foreach (var ingested in batch.Skip(1))
        {
            opened.Add(await ConversationAsync(await intake.ConversationOfAsync(ingested, _cancellation)));
        }

        // Two slots with the second member, one with the first (the reopened conversation takes the other); the last waits.
        Assert.Equal(2, opened.Count(c => c.AssigneeId == second.Id));
        Assert.Equal(1, opened.Count(c => c.AssigneeId == first.Id));
        Assert.Single(opened, c => c is { AssigneeId: null, QueuedAt: not null });
        Assert.Equal(2, opened.Take(3).Select(c => c.AssigneeId).Distinct().Count());
        await using var db = intake.NewDbContext();
        Assert.Equal(3, await db.AuditLog.CountAsync(
            e => e.Action == AuditActions.ConversationAssigned && opened.Select(c => $"conversation/{c.Id}").Contains(e.Target), _cancellation));
    }

    [Fact]
    public async Task Unassigning_drains_to_whoever_is_available_and_coming_back_drains_again()
    {
        await ResetAsync();
        var agent = await StaffAsync("Una", capacity: 1);
        var held = await OpenAsync(Delivery());
        var waiting = await OpenAsync(Delivery());
        Assert.NotNull((await ConversationAsync(waiting)).QueuedAt);

        using var self = intake.CreateClient(agent.Token);
        using var away = await self.PutAsJsonAsync($"api/staff/{agent.Id}/availability", new AvailabilityRequest(StaffAvailability.Away), _cancellation);
        Assert.Equal(HttpStatusCode.NoContent, away.StatusCode);
        await AssignAsync(held, null);
        // Away: the room is there but nothing new comes.
        Assert.Null((await ConversationAsync(waiting)).AssigneeId);

        using var back = await self.PutAsJsonAsync($"api/staff/{agent.Id}/availability", new AvailabilityRequest(StaffAvailability.Available), _cancellation);
        Assert.Equal(HttpStatusCode.NoContent, back.StatusCode);
        Assert.Equal(agent.Id, (await ConversationAsync(waiting)).AssigneeId);

        // Reassigning by hand frees the previous assignee, who takes the next in the queue.
        var next = await OpenAsync(Delivery());
        Assert.Null((await ConversationAsync(next)).AssigneeId);
        var colleague = await StaffAsync("Colleague", StaffAvailability.Away);
        await AssignAsync(waiting, colleague.Id);
        Assert.Equal(agent.Id, (await ConversationAsync(next)).AssigneeId);
    }

    [Fact]
    public async Task Concurrent_drains_never_give_one_conversation_twice_nor_anyone_more_than_their_capacity()
    {
        await ResetAsync();
        var a = await StaffAsync("Para", StaffAvailability.Offline, capacity: 4);
        var b = await StaffAsync("Llel", StaffAvailability.Offline, capacity: 3);
        var queued = new List<Guid>();
        for (var i = 0; i < 10; i++)
        {
            queued.Add(await OpenAsync(Delivery()));
        }

        await using (var db = intake.NewDbContext())
        {
            await db.Users.Where(u => u.Id == a.Id || u.Id == b.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.Availability, StaffAvailability.Available), _cancellation);
        }

        var drains = Enumerable.Range(0, 8).Select(async _ =>
        {
            await using var scope = intake.Factory.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<AssignmentService>().DrainAsync("support", _cancellation);
        });
        var assigned = (await Task.WhenAll(drains)).Sum();

        Assert.Equal(7, assigned);
        await using var check = intake.NewDbContext();
        var conversations = await check.Conversations.AsNoTracking().Where(c => queued.Contains(c.Id)).ToListAsync(_cancellation);
        Assert.Equal(4, conversations.Count(c => c.AssigneeId == a.Id));
        Assert.Equal(3, conversations.Count(c => c.AssigneeId == b.Id));
        Assert.Equal(3, conversations.Count(c => c.AssigneeId == null && c.QueuedAt != null));
        var streams = queued.Select(ConversationStream.Of).ToList();
        var events = await check.EventLog.Where(e => streams.Contains(e.StreamId) && e.Type == "ConversationAssigned")
            .GroupBy(e => e.StreamId).Select(g => g.Count()).ToListAsync(_cancellation);
        Assert.Equal(7, events.Count);
        Assert.All(events, count => Assert.Equal(1, count));
    }

    [Fact]
    public async Task Manual_departments_queue_everything_until_someone_takes_it_or_the_strategy_changes()
    {
        await ResetAsync(AssignmentStrategies.Manual);
        var taker = await StaffAsync("Taker");
        var other = await StaffAsync("Other");
        var first = await OpenAsync(Delivery());
        var second = await OpenAsync(Delivery());
        Assert.Null((await ConversationAsync(first)).AssigneeId);

        using var client = intake.CreateClient(taker.Token);
        using var claimed = await client.PostAsync($"api/conversations/{first}/claim", null, _cancellation);
        Assert.Equal(HttpStatusCode.NoContent, claimed.StatusCode);
        var taken = await ConversationAsync(first);
        Assert.Equal(taker.Id, taken.AssigneeId);
        Assert.Null(taken.QueuedAt);
        Assert.Contains((await intake.ConversationAsync(first, _cancellation)).History!, e => e.Text.Contains("claimed by", StringComparison.Ordinal));
        await using (var db = intake.NewDbContext())
        {
            Assert.True(await db.AuditLog.AnyAsync(e => e.Action == AuditActions.ConversationClaimed && e.Target == $"conversation/{first}", _cancellation));
        }

        // Outside the department: the conversation is not theirs to take (nor to see).
        using var outsider = intake.CreateClient(ListeningFixture.Staff(Guid.NewGuid(), StaffRoles.Member, "legal"));
        using var refused = await outsider.PostAsync($"api/conversations/{second}/claim", null, _cancellation);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);

        using var admin = intake.CreateClient();
        using var changed = await admin.PutAsJsonAsync("api/departments/support", new DepartmentRequest(AssignmentStrategies.RoundRobin), _cancellation);
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        Assert.Contains((await ConversationAsync(second)).AssigneeId, new Guid?[] { taker.Id, other.Id });
        Assert.Equal(AssignmentStrategies.RoundRobin, (await DepartmentsAsync()).Single(d => d.Id == "support").Strategy);
        await using var audit = intake.NewDbContext();
        Assert.True(await audit.AuditLog.AnyAsync(
            e => e.Action == AuditActions.DepartmentChanged && e.Target == "department/support" && e.Detail == "strategy manual -> round-robin", _cancellation));
    }

    [Fact]
    public async Task Settings_are_validated_permitted_and_audited()
    {
        await ResetAsync();
        var agent = await StaffAsync("Valid");
        var colleague = await StaffAsync("Peer");
        using var admin = intake.CreateClient();

        await ExpectFieldAsync(await admin.PutAsJsonAsync($"api/staff/{agent.Id}", new StaffSettingsRequest(-1, null), _cancellation), "capacity");
        await ExpectFieldAsync(await admin.PutAsJsonAsync($"api/staff/{agent.Id}", new StaffSettingsRequest(null, ["billing", "astrology"]), _cancellation), "skills");
        await ExpectFieldAsync(await admin.PutAsJsonAsync("api/departments/support", new DepartmentRequest("lottery"), _cancellation), "strategy");
        using var self = intake.CreateClient(agent.Token);
        await ExpectFieldAsync(await self.PutAsJsonAsync($"api/staff/{agent.Id}/availability", new AvailabilityRequest("asleep"), _cancellation), "availability");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PutAsJsonAsync("api/departments/nowhere", new DepartmentRequest(AssignmentStrategies.Manual), _cancellation)).StatusCode);

        // Only oneself, a manager of a shared department, or an admin sets someone's availability.
        using var peer = await self.PutAsJsonAsync($"api/staff/{colleague.Id}/availability", new AvailabilityRequest(StaffAvailability.Away), _cancellation);
        Assert.Equal(HttpStatusCode.Forbidden, peer.StatusCode);
        using var salesManager = intake.CreateClient(ListeningFixture.Staff(Guid.NewGuid(), StaffRoles.Manager, "sales"));
        Assert.Equal(HttpStatusCode.Forbidden,
            (await salesManager.PutAsJsonAsync($"api/staff/{colleague.Id}/availability", new AvailabilityRequest(StaffAvailability.Away), _cancellation)).StatusCode);
        using var supportManager = intake.CreateClient(ListeningFixture.Staff(Guid.NewGuid(), StaffRoles.Manager, "support"));
        Assert.Equal(HttpStatusCode.NoContent,
            (await supportManager.PutAsJsonAsync($"api/staff/{colleague.Id}/availability", new AvailabilityRequest(StaffAvailability.Away), _cancellation)).StatusCode);
        // Only admins change capacity and skills.
        Assert.Equal(HttpStatusCode.Forbidden,
            (await self.PutAsJsonAsync($"api/staff/{agent.Id}", new StaffSettingsRequest(50, null), _cancellation)).StatusCode);

        using var saved = await admin.PutAsJsonAsync($"api/staff/{agent.Id}", new StaffSettingsRequest(5, ["billing", "delivery"]), _cancellation);
        Assert.Equal(HttpStatusCode.NoContent, saved.StatusCode);
        var profile = (await admin.GetFromJsonAsync<StaffProfileView>($"api/staff/{agent.Id}", _cancellation))!;
        Assert.Equal((5, StaffAvailability.Available), (profile.Capacity, profile.Availability));
        Assert.Equal(["billing", "delivery"], profile.Skills);
        Assert.Equal(StaffAvailability.Away, (await admin.GetFromJsonAsync<StaffProfileView>($"api/staff/{colleague.Id}", _cancellation))!.Availability);

        await using var db = intake.NewDbContext();
        var entries = await db.AuditLog.Where(e => e.Action == AuditActions.StaffChanged).Select(e => e.Detail).ToListAsync(_cancellation);
        Assert.Contains(entries, detail => detail!.Contains("capacity 8 -> 5; skills billing, delivery", StringComparison.Ordinal));
        Assert.Contains(entries, detail => detail!.Contains("Peer", StringComparison.Ordinal) && detail.Contains("availability available -> away", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_queue_is_for_members_of_its_department_and_admins()
    {
        await ResetAsync();
        using var member = intake.CreateClient(ListeningFixture.Staff(Guid.NewGuid(), StaffRoles.Agent, "support"));
        using var outsider = intake.CreateClient(ListeningFixture.Staff(Guid.NewGuid(), StaffRoles.Member, "legal"));
        using var admin = intake.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync("api/departments/support/queue", _cancellation)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("api/departments/support/queue", _cancellation)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await outsider.GetAsync("api/departments/support/queue", _cancellation)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("api/departments/nowhere/queue", _cancellation)).StatusCode);
    }

    private async Task ExpectFieldAsync(HttpResponseMessage response, string field)
    {
        using (response)
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(_cancellation);
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"no error for {field}: {problem}");
        }
    }

    /// <summary>Nobody available, nothing open or queued, support assigning by <paramref name="strategy"/>.</summary>
    private async Task ResetAsync(string strategy = AssignmentStrategies.RoundRobin)
    {
        await using var db = intake.NewDbContext();
        await db.Users.ExecuteUpdateAsync(s => s.SetProperty(u => u.Availability, StaffAvailability.Offline), _cancellation);
        await db.Conversations.Where(c => c.Status != ConversationStatuses.Resolved).ExecuteUpdateAsync(
            s => s.SetProperty(c => c.Status, ConversationStatuses.Resolved).SetProperty(c => c.QueuedAt, (DateTimeOffset?)null), _cancellation);
        await db.Departments.Where(d => d.Id == "support").ExecuteUpdateAsync(
            s => s.SetProperty(d => d.AssignmentStrategy, strategy).SetProperty(d => d.LastAssigneeId, (Guid?)null), _cancellation);
    }

    private async Task<Staffer> StaffAsync(
        string name, string availability = StaffAvailability.Available, int capacity = StaffCapacity.Default, string[]? skills = null)
    {
        var id = Guid.NewGuid();
        var email = $"{name.ToLowerInvariant()}-{id:N}@example.test";
        var user = new StaffUser
        {
            Id = id, UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
            DisplayName = name, Availability = availability, Capacity = capacity, Skills = [.. skills ?? []],
        };
        user.Departments.Add(new DepartmentMembership { DepartmentId = "support" });
        await using var db = intake.NewDbContext();
        db.Users.Add(user);
        await db.SaveChangesAsync(_cancellation);
        return new Staffer(id, ListeningFixture.Staff(id, StaffRoles.Agent, "support"));
    }

    private static string Delivery() => $"Where is my parcel {Guid.NewGuid():N}? It still has not arrived.";

    private static string Billing() => $"I was charged twice on my invoice, refund please {Guid.NewGuid():N}";

    /// <summary>Opens a conversation as a new customer's message would, carried by the Workers' carrier.</summary>
    private async Task<Guid> OpenAsync(string text)
    {
        var ingested = await intake.IngestAsync("x", ChannelEvents.Event(text, $"as_{Guid.NewGuid():N}"[..16], "Queue Customer"), _cancellation);
        await intake.SettleAsync(_cancellation);
        return await intake.ConversationOfAsync(ingested, _cancellation);
    }

    private async Task AssignAsync(Guid conversation, Guid? staffId)
    {
        using var admin = intake.CreateClient();
        using var response = await admin.PutAsJsonAsync($"api/conversations/{conversation}/assignee", new AssignRequest(staffId), _cancellation);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    private async Task StatusAsync(Guid conversation, string status)
    {
        using var admin = intake.CreateClient();
        using var response = await admin.PostAsJsonAsync($"api/conversations/{conversation}/status", new ConversationStatusRequest(status), _cancellation);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    private async Task<Conversation> ConversationAsync(Guid id)
    {
        await using var db = intake.NewDbContext();
        return await db.Conversations.AsNoTracking().SingleAsync(c => c.Id == id, _cancellation);
    }

    private async Task<List<QueuedConversationView>> QueueAsync(HttpClient client, string department) =>
        (await client.GetFromJsonAsync<List<QueuedConversationView>>($"api/departments/{department}/queue", _cancellation))!;

    private async Task<List<DepartmentView>> DepartmentsAsync()
    {
        using var admin = intake.CreateClient();
        return (await admin.GetFromJsonAsync<List<DepartmentView>>("api/departments", _cancellation))!;
    }

    private sealed record Staffer(Guid Id, string Token);
}
