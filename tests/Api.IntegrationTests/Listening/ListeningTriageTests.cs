using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using SocialEnterprise.Contracts.Audit;
using SocialEnterprise.Contracts.Classification;
using SocialEnterprise.Contracts.Filtering;
using SocialEnterprise.Contracts.Listening;
using SocialEnterprise.Domain.Audit;
using SocialEnterprise.Domain.Classification;
using SocialEnterprise.Domain.Filtering;
using SocialEnterprise.Domain.Listening;
using SocialEnterprise.Infrastructure.Audit;
using SocialEnterprise.Infrastructure.Classification;
using SocialEnterprise.Infrastructure.Filtering;
using SocialEnterprise.Infrastructure.Listening;
using SocialEnterprise.TestSupport;

namespace SocialEnterprise.Api.IntegrationTests.Listening;

/// <summary>Noise filtered but kept and restorable; rules and topics edited by admins; poison events parked and replayed.</summary>
public sealed class ListeningTriageTests(ListeningFixture intake) : IClassFixture<ListeningFixture>
{
    private readonly CancellationToken _cancellation = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Spam_and_public_banter_are_filtered_with_their_reason_and_kept()
    {
        var spam = await IngestAsync("x", ChannelEvents.Event("Crypto GIVEAWAY!!! double your bitcoin profit today", Handle("spam"), "Spam Bot"));
        var banter = await IngestAsync("x", ChannelEvents.Event("lol 😂😂", Handle("banter"), "Ban Ter"));
        var directBanter = await IngestAsync("chat", ChannelEvents.Event("lol 😂😂", Handle("chatty"), "Chat Ty", MessageKinds.Chat));
        await intake.SettleAsync(_cancellation);

        var filtered = await FilteredAsync();
        Assert.Contains("crypto giveaway", Assert.Single(filtered, e => e.Id == spam).Reason, StringComparison.Ordinal);
        Assert.StartsWith("banter", Assert.Single(filtered, e => e.Id == banter).Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(filtered, e => e.Id == directBanter);
        await intake.ConversationOfAsync(directBanter, _cancellation);
        await using var db = intake.NewDbContext();
        Assert.Equal("IngestEventFiltered", await db.EventLog.Where(e => e.StreamId == IngestStream.Of(spam)).Select(e => e.Type).SingleAsync(_cancellation));
    }

    [Fact]
    public async Task A_restored_event_reaches_the_inbox_once_and_the_restore_is_audited()
    {
        var id = await IngestAsync("facebook", ChannelEvents.Event("click here to earn $500 a day, also my order never arrived", Handle("mixed"), "Mixed Up", MessageKinds.Comment));
        await intake.SettleAsync(_cancellation);
        Assert.Contains(await FilteredAsync(), e => e.Id == id);
        using var agent = intake.CreateStaffClient("agent", "support");

        using var restored = await agent.PostAsync($"api/ingest/filtered/{id}/restore", null, _cancellation);
        using var twice = await agent.PostAsync($"api/ingest/filtered/{id}/restore", null, _cancellation);
        await intake.SettleAsync(_cancellation);

        Assert.Equal(HttpStatusCode.Accepted, restored.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        var conversation = await intake.ConversationAsync(await intake.ConversationOfAsync(id, _cancellation), _cancellation);
        Assert.Single(conversation.Messages);
        Assert.DoesNotContain(await FilteredAsync(), e => e.Id == id);
        await using var db = intake.NewDbContext();
        Assert.True(await db.AuditLog.AnyAsync(e => e.Action == AuditActions.FilteredEventRestored && e.Actor == "agent@example.test", _cancellation));
    }

    [Fact]
    public async Task Admins_block_and_favour_authors_and_invalid_rules_are_refused_by_field()
    {
        using var admin = intake.CreateClient();
        var troll = Handle("troll");
        var press = Handle("press");
        using var block = await admin.PostAsJsonAsync("api/noise-rules", new NoiseRuleRequest(NoiseRuleKinds.BlockedAuthor, "x:@" + troll, "known troll", true), _cancellation);
        using var vip = await admin.PostAsJsonAsync("api/noise-rules", new NoiseRuleRequest(NoiseRuleKinds.VipAuthor, "@" + press, "tech journalist", true), _cancellation);
        using var invalid = await admin.PostAsJsonAsync("api/noise-rules", new NoiseRuleRequest(NoiseRuleKinds.SpamPattern, "(unclosed", null, true), _cancellation);
        using var unknownKind = await admin.PostAsJsonAsync("api/noise-rules", new NoiseRuleRequest("maybe", "x", null, true), _cancellation);
        Assert.Equal(HttpStatusCode.Created, block.StatusCode);
        Assert.Equal(HttpStatusCode.Created, vip.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("\"pattern\"", await invalid.Content.ReadAsStringAsync(_cancellation), StringComparison.Ordinal);
        Assert.Contains("\"kind\"", await unknownKind.Content.ReadAsStringAsync(_cancellation), StringComparison.Ordinal);

        var fromTroll = await IngestAsync("x", ChannelEvents.Event("Why is your support so slow? I need help now!", troll, "Troll"));
        var trollElsewhere = await IngestAsync("facebook", ChannelEvents.Event("Why is your support so slow? I need help now!", troll, "Troll", MessageKinds.Comment));
        var fromPress = await IngestAsync("x", ChannelEvents.Event("lol, crypto giveaway double your bitcoin, what a week 😂", press, "Press"));
        await intake.SettleAsync(_cancellation);

        Assert.Contains("blocked author", Assert.Single(await FilteredAsync(), e => e.Id == fromTroll).Reason, StringComparison.Ordinal);
        await intake.ConversationOfAsync(trollElsewhere, _cancellation);
        await intake.ConversationOfAsync(fromPress, _cancellation);

        var rule = (await block.Content.ReadFromJsonAsync<NoiseRuleView>(_cancellation))!;
        using var off = await admin.PutAsJsonAsync($"api/noise-rules/{rule.Id}", new NoiseRuleRequest(rule.Kind, rule.Pattern, rule.Description, false), _cancellation);
        off.EnsureSuccessStatusCode();
        var afterSwitchOff = await IngestAsync("x", ChannelEvents.Event("Why is your support so slow? I need help now!", troll, "Troll"));
        await intake.SettleAsync(_cancellation);
        await intake.ConversationOfAsync(afterSwitchOff, _cancellation);

        using var deleted = await admin.DeleteAsync($"api/noise-rules/{rule.Id}", _cancellation);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await using var db = intake.NewDbContext();
        var audited = await db.AuditLog.Where(e => e.Target == $"noise-rule/{rule.Id}").OrderBy(e => e.Id).Select(e => e.Action).ToListAsync(_cancellation);
        Assert.Equal([AuditActions.NoiseRuleCreated, AuditActions.NoiseRuleChanged, AuditActions.NoiseRuleDeleted], audited);
    }

    [Fact]
    public async Task A_topic_added_by_an_admin_classifies_and_routes_new_messages()
    {
        using var admin = intake.CreateClient();
        var key = $"warranty-{Guid.NewGuid():N}"[..16];
        var word = $"warrantyx{Guid.NewGuid():N}"[..16];
        using var created = await admin.PostAsJsonAsync("api/topics", new TopicRequest(key, "Warranty", "legal", [word]), _cancellation);
        using var duplicate = await admin.PostAsJsonAsync("api/topics", new TopicRequest(key, "Warranty", "legal", [word]), _cancellation);
        using var invalid = await admin.PostAsJsonAsync("api/topics", new TopicRequest("Bad Key!", "", "it", []), _cancellation);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        var errors = await invalid.Content.ReadAsStringAsync(_cancellation);
        Assert.All(["key", "name", "department", "keywords"], field => Assert.Contains($"\"{field}\"", errors, StringComparison.Ordinal));

        var id = await IngestAsync("reviews", ChannelEvents.Event($"Is my {word} still valid after two years?", Handle("topic"), "To Pic", MessageKinds.Review, rating: 3));
        await intake.SettleAsync(_cancellation);

        var conversation = await intake.ConversationAsync(await intake.ConversationOfAsync(id, _cancellation), _cancellation);
        Assert.Equal((key, "legal"), (conversation.Topic, conversation.Department));
    }

    [Fact]
    public async Task Two_admins_adding_the_same_topic_at_once_get_one_topic_and_a_clear_refusal()
    {
        using var admin = intake.CreateClient();
        var key = $"race-{Guid.NewGuid():N}"[..14];

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => admin.PostAsJsonAsync("api/topics", new TopicRequest(key, "Race", "support", ["racing"]), _cancellation)));

        Assert.Single(answers, answer => answer.StatusCode == HttpStatusCode.Created);
        Assert.All(answers.Where(answer => answer.StatusCode != HttpStatusCode.Created), answer => Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode));
    }

    [Fact]
    public async Task A_poison_event_is_retried_with_backoff_parked_with_its_error_and_replayed_by_an_admin()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow.AddSeconds(1));
        using var host = ListeningHost.Create(intake.DatabaseConnectionString, time, new Dictionary<string, string?>
        {
            ["Intake:MaxAttempts"] = "3",
            ["Intake:FirstRetryDelay"] = "00:00:10",
        });
        var marker = $"poison{Guid.NewGuid():N}";
        // A fault outside the application: the database refuses messages with the marker (as a constraint a DBA added would).
        await ExecuteAsync($"""
            CREATE FUNCTION refuse_{marker}() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN IF NEW.text LIKE '%{marker}%' THEN RAISE EXCEPTION 'refused by the database: {marker}'; END IF; RETURN NEW; END $$;
            CREATE TRIGGER refuse_{marker} BEFORE INSERT ON messages FOR EACH ROW EXECUTE FUNCTION refuse_{marker}();
            """);
        var healthy = await IngestAsync("x", ChannelEvents.Event("My package never arrived, where is it?", Handle("ok"), "Okay Person"));
        var poison = await IngestAsync("x", ChannelEvents.Event($"My invoice {marker} is wrong, please fix it?", Handle("poison"), "Poi Son"));
        // The carrier's clock just ahead of the Api's, which stamped the events due (on a busy machine the ingest alone
        // can take longer than the second the clock started ahead).
        CatchUp(time);

        var first = await host.Carrier().CarryBatchAsync(_cancellation);
        Assert.True(first.Claimed >= 2);
        await intake.ConversationOfAsync(healthy, _cancellation);
        Assert.Equal((IngestEventStatuses.Pending, 1), await StateAsync(poison));
        Assert.Equal(0, (await host.Carrier().CarryBatchAsync(_cancellation)).Claimed);

        time.Advance(TimeSpan.FromSeconds(10));
        await host.Carrier().CarryBatchAsync(_cancellation);
        Assert.Equal((IngestEventStatuses.Pending, 2), await StateAsync(poison));
        time.Advance(TimeSpan.FromSeconds(19));
        Assert.Equal(0, (await host.Carrier().CarryBatchAsync(_cancellation)).Claimed);
        time.Advance(TimeSpan.FromSeconds(1));
        await host.Carrier().CarryBatchAsync(_cancellation);
        Assert.Equal((IngestEventStatuses.Parked, 3), await StateAsync(poison));

        using var admin = intake.CreateClient();
        var parked = await admin.GetFromJsonAsync<IngestEventPage>("api/ingest/parked", _cancellation);
        Assert.Contains($"refused by the database: {marker}", Assert.Single(parked!.Items, e => e.Id == poison).LastError, StringComparison.Ordinal);
        await using (var db = intake.NewDbContext())
        {
            Assert.Equal("IngestEventParked", await db.EventLog.Where(e => e.StreamId == IngestStream.Of(poison)).Select(e => e.Type).SingleAsync(_cancellation));
        }

        await ExecuteAsync($"DROP TRIGGER refuse_{marker} ON messages; DROP FUNCTION refuse_{marker}();");
        using var replayed = await admin.PostAsync($"api/ingest/parked/{poison}/replay", null, _cancellation);
        Assert.Equal(HttpStatusCode.Accepted, replayed.StatusCode);
        time.Advance(TimeSpan.FromSeconds(1)); // ahead of the Api's clock, which put the event back
        await host.Carrier().CarryBatchAsync(_cancellation);

        await intake.ConversationOfAsync(poison, _cancellation);
        Assert.DoesNotContain((await admin.GetFromJsonAsync<IngestEventPage>("api/ingest/parked", _cancellation))!.Items, e => e.Id == poison);
    }

    [Fact]
    public async Task Every_parked_event_goes_back_to_the_queue_in_one_call_each_replay_audited()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow.AddSeconds(1));
        using var host = ListeningHost.Create(intake.DatabaseConnectionString, time, new Dictionary<string, string?> { ["Intake:MaxAttempts"] = "1" });
        var marker = $"parkall{Guid.NewGuid():N}";
        await ExecuteAsync($"""
            CREATE FUNCTION refuse_{marker}() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN IF NEW.text LIKE '%{marker}%' THEN RAISE EXCEPTION 'refused: {marker}'; END IF; RETURN NEW; END $$;
            CREATE TRIGGER refuse_{marker} BEFORE INSERT ON messages FOR EACH ROW EXECUTE FUNCTION refuse_{marker}();
            """);
        var firstEvent = ChannelEvents.Event($"My bill {marker} is wrong?", Handle("parked1"), "Park One");
        var secondEvent = ChannelEvents.Event($"Refund {marker} please?", Handle("parked2"), "Park Two", MessageKinds.Email);
        var first = await IngestAsync("x", firstEvent);
        var second = await IngestAsync("email", secondEvent);
        CatchUp(time);
        await host.Carrier().DrainAsync(_cancellation);
        Assert.Equal((IngestEventStatuses.Parked, IngestEventStatuses.Parked), ((await StateAsync(first)).Item1, (await StateAsync(second)).Item1));
        await ExecuteAsync($"DROP TRIGGER refuse_{marker} ON messages; DROP FUNCTION refuse_{marker}();");

        using var admin = intake.CreateClient();
        using var replayed = await admin.PostAsync("api/ingest/parked/replay", null, _cancellation);

        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
        var result = (await replayed.Content.ReadFromJsonAsync<ParkedReplayResult>(_cancellation))!;
        Assert.True(result.Replayed >= 2, $"replayed {result.Replayed}");
        Assert.Equal(0, result.Remaining);
        Assert.Equal((IngestEventStatuses.Pending, 0), await StateAsync(first));
        Assert.Equal((IngestEventStatuses.Pending, 0), await StateAsync(second));
        await using var db = intake.NewDbContext();
        var audited = await db.AuditLog.Where(e => e.Action == AuditActions.ParkedEventReplayed).Select(e => e.Target).ToListAsync(_cancellation);
        Assert.Contains($"x/{firstEvent.ExternalId}", audited);
        Assert.Contains($"email/{secondEvent.ExternalId}", audited);

        CatchUp(time);
        await host.Carrier().DrainAsync(_cancellation);
        await intake.ConversationOfAsync(first, _cancellation);
        await intake.ConversationOfAsync(second, _cancellation);
    }

    /// <summary>A second ahead of the real clock (the Api's), unless the fake one is further ahead already.</summary>
    private static void CatchUp(FakeTimeProvider time)
    {
        var ahead = DateTimeOffset.UtcNow.AddSeconds(1);
        if (ahead > time.GetUtcNow())
        {
            time.SetUtcNow(ahead);
        }
    }

    private async Task<(string, int)> StateAsync(Guid id)
    {
        await using var db = intake.NewDbContext();
        var ingestEvent = await db.IngestEvents.SingleAsync(e => e.Id == id, _cancellation);
        return (ingestEvent.Status, ingestEvent.Attempts);
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(intake.DatabaseConnectionString);
        await connection.OpenAsync(_cancellation);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(_cancellation);
    }

    private async Task<List<IngestEventView>> FilteredAsync()
    {
        using var client = intake.CreateClient();
        return (await client.GetFromJsonAsync<IngestEventPage>("api/ingest/filtered?limit=200", _cancellation))!.Items.ToList();
    }

    private Task<Guid> IngestAsync(string channel, IngestEventRequest request) => intake.IngestAsync(channel, request, _cancellation);

    private static string Handle(string name) => $"{name}_{Guid.NewGuid():N}"[..20];
}
