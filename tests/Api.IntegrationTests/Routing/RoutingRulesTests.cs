using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SocialEnterprise.Api.IntegrationTests.Listening;
using SocialEnterprise.Contracts.Audit;
using SocialEnterprise.Contracts.Conversations;
using SocialEnterprise.Contracts.Customers;
using SocialEnterprise.Contracts.Routing;
using SocialEnterprise.Contracts.Staff;
using SocialEnterprise.Domain.Audit;
using SocialEnterprise.Domain.Conversations;
using SocialEnterprise.Domain.Customers;
using SocialEnterprise.Domain.Routing;
using SocialEnterprise.Domain.Staff;
using SocialEnterprise.Infrastructure.Audit;
using SocialEnterprise.Infrastructure.Conversations;
using SocialEnterprise.Infrastructure.Customers;
using SocialEnterprise.Infrastructure.Routing;
using SocialEnterprise.Infrastructure.Staff;
using SocialEnterprise.TestSupport;

namespace SocialEnterprise.Api.IntegrationTests.Routing;

/// <summary>The routing rules through the Api, and what they do to events the Workers carry.</summary>
public sealed class RoutingRulesTests(ListeningFixture intake) : IClassFixture<ListeningFixture>
{
    private readonly CancellationToken _cancellation = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Admins_create_change_and_delete_rules_and_every_change_is_audited()
    {
        using var admin = intake.CreateClient();
        var name = Unique("Press");

        using var created = await admin.PostAsJsonAsync("api/routing-rules", Rule(name, [new(RoutingFields.Keywords, ["journalist"])],
            [new(RoutingActionTypes.Route, Department: "marketing"), new(RoutingActionTypes.AddTags, Tags: ["#Press", "press"])]), _cancellation);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var rule = (await created.Content.ReadFromJsonAsync<RoutingRuleView>(_cancellation))!;
        Assert.Equal(["press"], rule.Actions[1].Tags);
        Assert.Contains(await ListAsync(admin), r => r.Id == rule.Id && r.Name == name);

        using var changed = await admin.PutAsJsonAsync($"api/routing-rules/{rule.Id}", Rule(name + " off", rule.Conditions, rule.Actions, enabled: false), _cancellation);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var saved = (await changed.Content.ReadFromJsonAsync<RoutingRuleView>(_cancellation))!;
        Assert.False(saved.Enabled);
        Assert.Equal(name + " off", saved.Name);

        using var deleted = await admin.DeleteAsync($"api/routing-rules/{rule.Id}", _cancellation);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.DoesNotContain(await ListAsync(admin), r => r.Id == rule.Id);
        using var again = await admin.DeleteAsync($"api/routing-rules/{rule.Id}", _cancellation);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);

        await using var db = intake.NewDbContext();
        var audited = await db.AuditLog.Where(e => e.Target == $"routing-rule/{rule.Id}").OrderBy(e => e.Id).Select(e => e.Action).ToListAsync(_cancellation);
        Assert.Equal([AuditActions.RoutingRuleCreated, AuditActions.RoutingRuleChanged, AuditActions.RoutingRuleDeleted], audited);
    }

    [Fact]
    public async Task Invalid_rules_are_refused_with_problems_that_name_the_field()
    {
        using var admin = intake.CreateClient();

        using var response = await admin.PostAsJsonAsync("api/routing-rules", Rule(Unique("Bad"),
            [new(RoutingFields.Channel, ["x"]), new(RoutingFields.Sentiment, ["furious"]), new(RoutingFields.Influence, ["lots"])],
            [new(RoutingActionTypes.Route, Department: "space"), new(RoutingActionTypes.ApplySlaPolicy, SlaPolicy: "platinum")]), _cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<ValidationProblemDetails>(_cancellation))!;
        Assert.Equal(["actions[0].department", "actions[1].slaPolicy", "conditions[1].values", "conditions[2].values"],
            problem.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("premium", problem.Errors["actions[1].slaPolicy"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rules_are_reordered_with_every_id_in_order_and_partial_orders_are_refused()
    {
        using var admin = intake.CreateClient();
        var first = await CreateAsync(admin, Rule(Unique("A"), [new(RoutingFields.Keywords, [Unique("kw")])], [new(RoutingActionTypes.AddTags, Tags: ["a"])]));
        var second = await CreateAsync(admin, Rule(Unique("B"), [new(RoutingFields.Keywords, [Unique("kw")])], [new(RoutingActionTypes.AddTags, Tags: ["b"])]));
        var ids = (await ListAsync(admin)).Select(r => r.Id).ToList();
        Assert.True(ids.IndexOf(first.Id) < ids.IndexOf(second.Id));

        ids.Remove(second.Id);
        ids.Insert(0, second.Id);
        using var reordered = await admin.PostAsJsonAsync("api/routing-rules/order", new RoutingRuleOrderRequest(ids), _cancellation);
        using var partial = await admin.PostAsJsonAsync("api/routing-rules/order", new RoutingRuleOrderRequest([first.Id]), _cancellation);

        Assert.Equal(HttpStatusCode.OK, reordered.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, partial.StatusCode);
        var listed = await ListAsync(admin);
        Assert.Equal(ids, listed.Select(r => r.Id));
        Assert.Equal(Enumerable.Range(1, listed.Count), listed.Select(r => r.Position));
        await using var db = intake.NewDbContext();
        Assert.True(await db.AuditLog.AnyAsync(e => e.Action == AuditActions.RoutingRuleChanged && e.Target == "routing-rules", _cancellation));
    }

    [Fact]
    public async Task A_rule_routes_a_real_ingested_event_and_the_conversation_records_why()
    {
        using var admin = intake.CreateClient();
        var keyword = Unique("gdprx");
        var rule = await CreateAsync(admin, Rule(Unique("GDPR requests"), [new(RoutingFields.Keywords, [keyword]), new(RoutingFields.Channel, ["x"])],
        [
            new(RoutingActionTypes.Route, Department: "legal"), new(RoutingActionTypes.SetPriority, Priority: Priorities.High),
            new(RoutingActionTypes.AddTags, Tags: ["privacy-request"]), new(RoutingActionTypes.ApplySlaPolicy, SlaPolicy: "legal"),
        ]));

        var matching = await intake.IngestAsync("x", ChannelEvents.Event($"Please send me all my data under {keyword.ToUpperInvariant()} today", Handle("gdpr")), _cancellation);
        var other = await intake.IngestAsync("facebook", ChannelEvents.Event($"Please send me all my data under {keyword} today", Handle("fb"), kind: "comment"), _cancellation);
        await intake.SettleAsync(_cancellation);

        var routed = await intake.ConversationAsync(await intake.ConversationOfAsync(matching, _cancellation), _cancellation);
        Assert.Equal(("legal", Priorities.High), (routed.Department, routed.Priority));
        Assert.StartsWith($"Routed to legal by rule “{rule.Name}” (#{rule.Position}) because keyword “{keyword.ToUpperInvariant()}” and channel x", routed.RoutingReason, StringComparison.Ordinal);
        Assert.Contains($"priority high by rule “{rule.Name}”", routed.RoutingReason, StringComparison.Ordinal);
        var untouched = await intake.ConversationAsync(await intake.ConversationOfAsync(other, _cancellation), _cancellation);
        Assert.DoesNotContain(rule.Name, untouched.RoutingReason, StringComparison.Ordinal);
        Assert.NotEqual(Priorities.High, untouched.Priority);

        await using var db = intake.NewDbContext();
        var stored = await db.Conversations.SingleAsync(c => c.Id == routed.Id, _cancellation);
        Assert.Equal(["privacy-request"], stored.Tags);
        Assert.Equal("legal", stored.SlaPolicy);
        Assert.Equal([rule.Id], stored.RoutingRuleIds);
        Assert.Empty((await db.Conversations.SingleAsync(c => c.Id == untouched.Id, _cancellation)).RoutingRuleIds);
    }

    [Fact]
    public async Task The_assign_action_gives_the_conversation_to_a_member_of_the_routed_department()
    {
        using var admin = intake.CreateClient();
        var (agentId, _) = await intake.DemoStaffAsync("agent", _cancellation);
        var (legalId, _) = await intake.DemoStaffAsync("legal", _cancellation);
        var keyword = Unique("assignx");

        using var outside = await admin.PostAsJsonAsync("api/routing-rules", Rule(Unique("Wrong"), [],
            [new(RoutingActionTypes.Route, Department: "support"), new(RoutingActionTypes.Assign, AssigneeId: legalId)]), _cancellation);
        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
        Assert.Contains("actions[1].assigneeId", await outside.Content.ReadAsStringAsync(_cancellation), StringComparison.Ordinal);

        await CreateAsync(admin, Rule(Unique("To Alex"), [new(RoutingFields.Keywords, [keyword])],
            [new(RoutingActionTypes.Route, Department: "support"), new(RoutingActionTypes.Assign, AssigneeId: agentId)]));
        var id = await intake.IngestAsync("x", ChannelEvents.Event($"My {keyword} is broken, help", Handle("assign")), _cancellation);
        await intake.SettleAsync(_cancellation);

        var conversation = await intake.ConversationAsync(await intake.ConversationOfAsync(id, _cancellation), _cancellation);
        Assert.Equal(("support", agentId, "Alex Agent"), (conversation.Department, conversation.AssigneeId, conversation.AssigneeName));
        await using var db = intake.NewDbContext();
        var stream = ConversationStream.Of(conversation.Id);
        Assert.Contains("ConversationAssigned", await db.EventLog.Where(e => e.StreamId == stream).Select(e => e.Type).ToListAsync(_cancellation));
    }

    [Fact]
    public async Task The_mark_vip_action_makes_the_customer_a_vip_and_their_priority_follows()
    {
        using var admin = intake.CreateClient();
        var keyword = Unique("vipx");
        await CreateAsync(admin, Rule(Unique("Key account"), [new(RoutingFields.Keywords, [keyword])], [new(RoutingActionTypes.MarkVip)]));

        var id = await intake.IngestAsync("x", ChannelEvents.Event($"Hello from {keyword}: how do I change my plan?", Handle("vip")), _cancellation);
        await intake.SettleAsync(_cancellation);

        var conversation = await intake.ConversationAsync(await intake.ConversationOfAsync(id, _cancellation), _cancellation);
        await using var db = intake.NewDbContext();
        var customer = await db.Customers.SingleAsync(c => c.Id == conversation.CustomerId, _cancellation);
        Assert.Equal(CustomerTiers.Vip, customer.Tier);
        Assert.Contains("customer marked VIP by rule", conversation.RoutingReason, StringComparison.Ordinal);
        Assert.Contains("VIP customer", conversation.RoutingReason, StringComparison.Ordinal);
        Assert.Contains("+20 vip tier", conversation.PriorityExplanation ?? [], StringComparer.Ordinal);
    }

    [Fact]
    public async Task A_dry_run_explains_each_rule_and_the_outcome_and_stores_nothing()
    {
        using var admin = intake.CreateClient();
        var keyword = Unique("dryx");
        var skipped = await CreateAsync(admin, Rule(Unique("Email only"), [new(RoutingFields.Channel, ["email"]), new(RoutingFields.Keywords, [keyword])],
            [new(RoutingActionTypes.Route, Department: "sales")]));
        var fires = await CreateAsync(admin, Rule(Unique("Dry"), [new(RoutingFields.Keywords, [keyword])],
            [new(RoutingActionTypes.Route, Department: "legal"), new(RoutingActionTypes.AddTags, Tags: ["dry"])]));
        await using var db = intake.NewDbContext();
        var before = (await db.Conversations.CountAsync(_cancellation), await db.Customers.CountAsync(_cancellation), await db.IngestEvents.CountAsync(_cancellation),
            await db.AuditLog.CountAsync(_cancellation), await db.EventLog.CountAsync(_cancellation));

        using var response = await admin.PostAsJsonAsync("api/routing-rules/dry-run",
            new RoutingDryRunRequest($"Is {keyword} covered by my contract?", "x", "mention", AuthorFollowers: 50), _cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = (await response.Content.ReadFromJsonAsync<RoutingDryRunResult>(_cancellation))!;
        Assert.Equal("legal", result.Department);
        Assert.Contains("dry", result.Tags);
        Assert.Equal("question", result.Classification.Type);
        var notMatched = result.Rules.Single(r => r.RuleId == skipped.Id);
        Assert.False(notMatched.Matched);
        Assert.Equal("channel is x, not email", notMatched.FailedCondition);
        var matched = result.Rules.Single(r => r.RuleId == fires.Id);
        Assert.True(matched.Matched);
        Assert.Equal([$"keyword “{keyword}”"], matched.Reasons);
        Assert.StartsWith($"Routed to legal by rule “{fires.Name}”", result.Reason, StringComparison.Ordinal);
        var after = (await db.Conversations.CountAsync(_cancellation), await db.Customers.CountAsync(_cancellation), await db.IngestEvents.CountAsync(_cancellation),
            await db.AuditLog.CountAsync(_cancellation), await db.EventLog.CountAsync(_cancellation));
        Assert.Equal(before, after);

        using var invalid = await admin.PostAsJsonAsync("api/routing-rules/dry-run", new RoutingDryRunRequest("", "fax", "mention"), _cancellation);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var problem = (await invalid.Content.ReadFromJsonAsync<ValidationProblemDetails>(_cancellation))!;
        Assert.Equal(["channel", "text"], problem.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Managers_may_dry_run_but_agents_may_not_and_only_admins_change_rules()
    {
        using var manager = intake.CreateStaffClient(StaffRoles.Manager, "support");
        using var agent = intake.CreateStaffClient(StaffRoles.Agent, "support");
        var request = new RoutingDryRunRequest("Where is my parcel?", "x", "mention");

        using var managerRun = await manager.PostAsJsonAsync("api/routing-rules/dry-run", request, _cancellation);
        using var agentRun = await agent.PostAsJsonAsync("api/routing-rules/dry-run", request, _cancellation);
        using var agentList = await agent.GetAsync("api/routing-rules", _cancellation);
        using var managerCreate = await manager.PostAsJsonAsync("api/routing-rules", Rule(Unique("M"), [], [new(RoutingActionTypes.MarkVip)]), _cancellation);

        Assert.Equal(HttpStatusCode.OK, managerRun.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, agentRun.StatusCode);
        Assert.Equal(HttpStatusCode.OK, agentList.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, managerCreate.StatusCode);
    }

    private async Task<List<RoutingRuleView>> ListAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<List<RoutingRuleView>>("api/routing-rules", _cancellation))!;

    private async Task<RoutingRuleView> CreateAsync(HttpClient client, RoutingRuleRequest request)
    {
        using var response = await client.PostAsJsonAsync("api/routing-rules", request, _cancellation);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(_cancellation));
        return (await response.Content.ReadFromJsonAsync<RoutingRuleView>(_cancellation))!;
    }

    private static RoutingRuleRequest Rule(
        string name, IReadOnlyList<RoutingCondition?> conditions, IReadOnlyList<RoutingAction?> actions, bool enabled = true, bool stop = false) =>
        new(name, enabled, conditions, actions, stop);

    private static string Unique(string prefix) => $"{prefix}{Guid.NewGuid():N}"[..(prefix.Length + 8)];

    private static string Handle(string prefix) => $"{prefix}_{Guid.NewGuid():N}"[..20];
}
