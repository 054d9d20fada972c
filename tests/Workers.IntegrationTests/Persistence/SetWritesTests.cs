using Microsoft.EntityFrameworkCore;
using SocialEnterprise.Contracts.Audit;
using SocialEnterprise.Contracts.Classification;
using SocialEnterprise.Contracts.Conversations;
using SocialEnterprise.Contracts.Listening;
using SocialEnterprise.Domain.Audit;
using SocialEnterprise.Domain.Conversations;
using SocialEnterprise.Domain.Customers;
using SocialEnterprise.Domain.Listening;

namespace SocialEnterprise.Workers.IntegrationTests.Persistence;

/// <summary>A save that writes its rows as one statement per table stores what EF Core would have stored.</summary>
public sealed class SetWritesTests(MigratedDatabase database) : IClassFixture<MigratedDatabase>
{
    private readonly CancellationToken _cancellation = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Rows_written_as_sets_read_back_as_EF_Core_writes_them_and_a_database_generated_key_is_left_to_EF_Core()
    {
        var now = DateTimeOffset.UtcNow;
        var set = Opened("set", now, ["a \"quoted\" tag", @"back\slash", "comma, brace}", "NULL"], [Guid.NewGuid(), Guid.NewGuid()]);
        var plain = Opened("plain", now, ["a \"quoted\" tag", @"back\slash", "comma, brace}", "NULL"], [set.Conversation.RoutingRuleIds[0], set.Conversation.RoutingRuleIds[1]]);
        var untagged = Opened("untagged", now, [], []);

        using (var statements = new StatementRecorder())
        {
            using (statements.Trace())
            {
                await SaveAsync(asSets: true, set, untagged);
            }

            // Both conversations in one statement from arrays; the audit entries, whose keys the database makes, by EF Core.
            Assert.Equal(1, statements.Count(@"INSERT INTO conversations \([^;]*FROM unnest"));
            Assert.Equal(2, statements.Count("INSERT INTO audit_log"));
        }

        await SaveAsync(asSets: false, plain);

        await using var db = database.NewDbContext();
        var conversations = await db.Conversations.AsNoTracking()
            .Where(c => c.Id == set.Conversation.Id || c.Id == plain.Conversation.Id || c.Id == untagged.Conversation.Id)
            .ToDictionaryAsync(c => c.Id, _cancellation);
        var (viaSets, viaEf) = (conversations[set.Conversation.Id], conversations[plain.Conversation.Id]);
        Assert.Equal(viaEf.Tags, viaSets.Tags);
        Assert.Equal(["a \"quoted\" tag", @"back\slash", "comma, brace}", "NULL"], viaSets.Tags);
        Assert.Equal(viaEf.RoutingRuleIds, viaSets.RoutingRuleIds);
        Assert.Empty(conversations[untagged.Conversation.Id].Tags);
        Assert.Equal(viaEf.SearchText.Replace("plain", "set", StringComparison.Ordinal), viaSets.SearchText);
        Assert.Equal((viaEf.ThreadVersion, viaEf.Version, viaEf.SentimentScore, viaEf.OpenedAt), (viaSets.ThreadVersion, viaSets.Version, viaSets.SentimentScore, viaSets.OpenedAt));

        // The search vector is the database's, generated from the search text as for any other row.
        var found = await db.Conversations.FromSql($"SELECT * FROM conversations WHERE search_vector @@ plainto_tsquery('simple', {"set"})")
            .Select(c => c.Id).ToListAsync(_cancellation);
        Assert.Contains(set.Conversation.Id, found);

        var message = await db.Messages.AsNoTracking().SingleAsync(m => m.Id == set.Message.Id, _cancellation);
        Assert.Equal((set.Message.ExternalId, set.Message.Text, set.Message.Rating, set.Message.Url), (message.ExternalId, message.Text, message.Rating, message.Url));
        var plainMessage = await db.Messages.AsNoTracking().SingleAsync(m => m.Id == plain.Message.Id, _cancellation);
        Assert.Contains("\"Type\": \"complaint\"", message.Classification, StringComparison.Ordinal);
        Assert.Equal(plainMessage.Classification, message.Classification);
        var identity = await db.CustomerIdentities.AsNoTracking().SingleAsync(i => i.Id == set.Identity.Id, _cancellation);
        Assert.Equal((set.Identity.Handle, set.Identity.Email, set.Identity.ConsentBasis), (identity.Handle, identity.Email, identity.ConsentBasis));

        // The audit log's key is the database's: that row went through EF Core, which read the key back.
        var audit = await db.AuditLog.AsNoTracking().SingleAsync(a => a.Target == $"conversation/{set.Conversation.Id}", _cancellation);
        Assert.True(audit.Id > 0);
    }

    [Fact]
    public async Task Rows_changed_in_sets_read_back_as_EF_Core_changes_them()
    {
        var now = DateTimeOffset.UtcNow;
        var set = Opened("set", now, ["vip"], []);
        var plain = Opened("plain", now, ["vip"], []);
        await SaveAsync(asSets: true, set, plain);

        var later = now.AddMinutes(3);
        using (var statements = new StatementRecorder())
        {
            using (statements.Trace())
            {
                await ChangeAsync(asSets: true, set.Conversation.Id, later, "set");
            }

            Assert.Equal(1, statements.Count("UPDATE conversations AS t SET [^;]*FROM unnest"));
        }

        await ChangeAsync(asSets: false, plain.Conversation.Id, later, "plain");

        await using var db = database.NewDbContext();
        var viaSets = await db.Conversations.AsNoTracking().SingleAsync(c => c.Id == set.Conversation.Id, _cancellation);
        var viaEf = await db.Conversations.AsNoTracking().SingleAsync(c => c.Id == plain.Conversation.Id, _cancellation);
        Assert.Equal(2, viaSets.MessageCount);
        Assert.Equal(
            (viaEf.MessageCount, viaEf.Version, viaEf.ThreadVersion, viaEf.LastActivityAt, viaEf.Status, viaEf.Preview.Replace("plain", "set", StringComparison.Ordinal)),
            (viaSets.MessageCount, viaSets.Version, viaSets.ThreadVersion, viaSets.LastActivityAt, viaSets.Status, viaSets.Preview));
        Assert.Equal(ConversationStatuses.Pending, viaSets.Status);
        Assert.Equal(viaEf.SearchText.Replace("plain", "set", StringComparison.Ordinal), viaSets.SearchText);
    }

    [Fact]
    public async Task A_row_changed_meanwhile_fails_the_save_as_EF_Core_would_and_writes_nothing()
    {
        var now = DateTimeOffset.UtcNow;
        var set = Opened("stale", now, [], []);
        await SaveAsync(asSets: true, set);

        await using var first = database.NewDbContext();
        await using var second = database.NewDbContext();
        second.WritesInSets = true;
        var mine = await second.Conversations.SingleAsync(c => c.Id == set.Conversation.Id, _cancellation);
        await ChangeAsync(asSets: true, set.Conversation.Id, now.AddMinutes(1), "first");

        var strategy = second.Database.CreateExecutionStrategy();
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await second.Database.BeginTransactionAsync(_cancellation);
            mine.ChangePriority(Priorities.Urgent, "test", "second", now);
            await second.SaveChangesAsync(_cancellation);
            await transaction.CommitAsync(_cancellation);
        }));

        var stored = await first.Conversations.AsNoTracking().SingleAsync(c => c.Id == set.Conversation.Id, _cancellation);
        Assert.NotEqual(Priorities.Urgent, stored.Priority);
    }

    private async Task ChangeAsync(bool asSets, Guid conversationId, DateTimeOffset at, string word)
    {
        await using var db = database.NewDbContext();
        db.WritesInSets = asSets;
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(_cancellation);
            var conversation = await db.Conversations.SingleAsync(c => c.Id == conversationId, _cancellation);
            var classification = new MessageClassification(MessageTypes.Complaint, -0.6, SentimentLabels.Negative, null, "en", Urgencies.High, []);
            var message = Message.Inbound(
                Guid.NewGuid(), IngestChannels.X, $"{word}{Guid.NewGuid():N}", MessageKinds.Mention, conversation.IdentityId, $"Ann {word}",
                $"Still waiting, {word}", null, null, at, at, System.Text.Json.JsonSerializer.Serialize(classification));
            message.BelongTo(conversation.Id);
            conversation.Receive(message, classification, "high", at);
            conversation.ChangeStatus(ConversationStatuses.Pending, "test", at);
            db.Messages.Add(message);
            await db.SaveChangesAsync(_cancellation);
            await transaction.CommitAsync(_cancellation);
        });
    }

    private async Task SaveAsync(bool asSets, params Graph[] graphs)
    {
        await using var db = database.NewDbContext();
        db.WritesInSets = asSets;
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(_cancellation);
            foreach (var graph in graphs)
            {
                db.Customers.Add(graph.Customer);
                db.CustomerIdentities.Add(graph.Identity);
                db.Conversations.Add(graph.Conversation);
                db.Messages.Add(graph.Message);
                db.AuditLog.Add(AuditEntry.Record(graph.Message.ReceivedAt, "test", AuditActorKinds.System, "test.saved", $"conversation/{graph.Conversation.Id}"));
            }

            await db.SaveChangesAsync(_cancellation);
            await transaction.CommitAsync(_cancellation);
        });
    }

    private static Graph Opened(string word, DateTimeOffset now, List<string> tags, List<Guid> ruleIds)
    {
        var handle = $"{word}{Guid.NewGuid():N}";
        var customer = Customer.New($"Ann {word}", $"{handle}@example.com", 10, now);
        var identity = CustomerIdentity.New(customer.Id, IngestChannels.X, handle, $"Ann {word}", $"{handle}@example.com", 10, "new", "first seen", now);
        var classification = new MessageClassification(MessageTypes.Complaint, -0.4, SentimentLabels.Negative, null, "en", Urgencies.Normal, []);
        var message = Message.Inbound(
            Guid.NewGuid(), IngestChannels.X, handle, MessageKinds.Mention, identity.Id, $"Ann {word}", $"My order is late, {word}",
            $"https://x.example/{handle}", null, now, now, System.Text.Json.JsonSerializer.Serialize(classification));
        var conversation = Conversation.Open(
            message, customer.Id, identity.Id, classification, new Routing("support", "normal", "test", tags, RuleIds: ruleIds), null, now);
        message.BelongTo(conversation.Id);
        conversation.Receive(message, classification, "normal", now);
        return new Graph(customer, identity, conversation, message);
    }

    private sealed record Graph(Customer Customer, CustomerIdentity Identity, Conversation Conversation, Message Message);
}
