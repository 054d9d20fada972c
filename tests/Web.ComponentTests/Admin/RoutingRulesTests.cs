using System.Net;
using Bunit;
using SocialEnterprise.Contracts.Classification;
using SocialEnterprise.Contracts.Routing;
using SocialEnterprise.Contracts.Staff;
using SocialEnterprise.Web.Components.Admin;

namespace SocialEnterprise.Web.ComponentTests.Admin;

public sealed class RoutingRulesTests : WorkspaceContext
{
    private const string Rules = "/api/routing-rules";
    private static readonly DateTimeOffset At = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    private static readonly RoutingRuleView Gdpr = Rule("GDPR requests", 1, [new(RoutingFields.Keywords, ["GDPR"])],
        [new(RoutingActionTypes.Route, Department: "legal")], enabled: true);

    private static readonly RoutingRuleView Press = Rule("Press", 2, [new(RoutingFields.Influence, ["10000"])],
        [new(RoutingActionTypes.AddTags, Tags: ["press"])], enabled: false);

    public RoutingRulesTests()
    {
        SignInAs("admin");
        Api.Answer(HttpMethod.Get, "/api/staff", HttpStatusCode.OK, new[] { new StaffMemberView(Guid.NewGuid(), "Lena Legal", ["legal"]) });
        Api.Answer(HttpMethod.Get, "/api/topics", HttpStatusCode.OK, Array.Empty<TopicView>());
    }

    [Fact]
    public void A_failed_load_shows_its_reason_and_trying_again_shows_the_rules() =>
        TryingAgainAfterAFailedLoadShows<RoutingRules>(Rules, "The rules", "routing-rules-error", Array.Empty<RoutingRuleView>(), "[data-testid=routing-rules-empty]");

    [Fact]
    public void The_rules_show_in_order_with_their_conditions_actions_and_switch()
    {
        Api.Answer(HttpMethod.Get, Rules, HttpStatusCode.OK, new[] { Gdpr, Press });

        var page = Render<RoutingRules>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=routing-rule]").Count));
        var rows = page.FindAll("[data-testid=routing-rule]");
        Assert.Equal(["GDPR requests", "Press"], rows.Select(row => row.GetAttribute("data-rule-name")));
        Assert.Contains("keywords “GDPR”", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("route to legal", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("at least 10000 followers", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Equal("false", rows[1].GetAttribute("data-enabled"));
        Assert.True(rows[0].QuerySelector("[data-testid=move-up]")!.HasAttribute("disabled"));
        Assert.True(rows[1].QuerySelector("[data-testid=move-down]")!.HasAttribute("disabled"));
    }

    [Fact]
    public void Moving_a_rule_down_posts_the_new_order()
    {
        Api.Answer(HttpMethod.Get, Rules, HttpStatusCode.OK, new[] { Gdpr, Press });
        Api.Answer(HttpMethod.Post, $"{Rules}/order", HttpStatusCode.OK, new[] { Press with { Position = 1 }, Gdpr with { Position = 2 } });
        var page = Render<RoutingRules>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=routing-rule]").Count));

        page.FindAll("[data-testid=move-down]")[0].Click();

        page.WaitForAssertion(() => Assert.Equal("Press", page.FindAll("[data-testid=routing-rule]")[0].GetAttribute("data-rule-name")));
        var ids = Assert.Single(Api.CallsTo(HttpMethod.Post, $"{Rules}/order")).Json.GetProperty("ids").EnumerateArray().Select(id => id.GetGuid());
        Assert.Equal([Press.Id, Gdpr.Id], ids);
    }

    [Fact]
    public void The_switch_saves_the_rule_as_it_was_with_only_enabled_changed()
    {
        Api.Answer(HttpMethod.Get, Rules, HttpStatusCode.OK, new[] { Gdpr });
        Api.Answer(HttpMethod.Put, $"{Rules}/{Gdpr.Id}", HttpStatusCode.OK, Gdpr with { Enabled = false });
        var page = Render<RoutingRules>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=routing-rule]")));

        page.Find("input[data-testid=routing-rule-enabled]").Change(false);

        page.WaitForAssertion(() => Assert.Equal("false", page.Find("[data-testid=routing-rule]").GetAttribute("data-enabled")));
        var body = Assert.Single(Api.CallsTo(HttpMethod.Put, $"{Rules}/{Gdpr.Id}")).Json;
        Assert.False(body.GetProperty("enabled").GetBoolean());
        Assert.Equal("GDPR requests", body.GetProperty("name").GetString());
        Assert.Equal("GDPR", body.GetProperty("conditions")[0].GetProperty("values")[0].GetString());
        Assert.Equal("legal", body.GetProperty("actions")[0].GetProperty("department").GetString());
    }

    [Fact]
    public void The_editor_shows_the_Api_field_errors_beside_the_condition_and_action_they_name()
    {
        Api.Answer(HttpMethod.Get, Rules, HttpStatusCode.OK, new[] { Gdpr });
        Api.Problem(HttpMethod.Put, $"{Rules}/{Gdpr.Id}", HttpStatusCode.BadRequest, errors: new()
        {
            ["conditions[0].values"] = ["At least one value."],
            ["actions[0].department"] = ["One of the departments: legal, support."],
        });
        var layers = RenderLayers();
        var page = Render<RoutingRules>();
        page.WaitForAssertion(() => page.Find("[data-testid=edit-routing-rule]").Click());

        layers.Dialogs.WaitForAssertion(() => Assert.Equal("GDPR", layers.Dialogs.Find("input[data-testid=condition-keywords]").GetAttribute("value")));
        layers.Dialogs.Find("input[data-testid=condition-keywords]").Input("");
        layers.Dialogs.Find("[data-testid=save-rule]").Click();

        layers.Dialogs.WaitForAssertion(() => Assert.Contains(
            "At least one value.",
            layers.Dialogs.Find("input[data-testid=condition-keywords]").Closest(".mud-input-control")!.TextContent,
            StringComparison.Ordinal));
        Assert.Contains("One of the departments", layers.Dialogs.Find("[data-testid=action-row]").TextContent, StringComparison.Ordinal);
        var body = Assert.Single(Api.CallsTo(HttpMethod.Put, $"{Rules}/{Gdpr.Id}")).Json;
        Assert.Equal(0, body.GetProperty("conditions")[0].GetProperty("values").GetArrayLength());
        Assert.NotEmpty(layers.Dialogs.FindAll("[data-testid=save-rule]"));
    }

    [Fact]
    public void A_new_rule_is_written_as_rows_of_conditions_and_actions()
    {
        var added = Rule("Loud voices", 1, [new(RoutingFields.Keywords, ["lawsuit", "lawyer"])], [new(RoutingActionTypes.AddTags, Tags: ["legal-risk", "press"])], enabled: true);
        Api.Answer(HttpMethod.Get, Rules, HttpStatusCode.OK, Array.Empty<RoutingRuleView>());
        Api.Answer(HttpMethod.Post, Rules, _ =>
        {
            Api.Answer(HttpMethod.Get, Rules, HttpStatusCode.OK, new[] { added });
            return new HttpResponseMessage(HttpStatusCode.Created) { Content = System.Net.Http.Json.JsonContent.Create(added) };
        });
        var layers = RenderLayers();
        var page = Render<RoutingRules>();
        page.WaitForAssertion(() => page.Find("[data-testid=routing-rules-empty]"));

        page.Find("[data-testid=add-routing-rule]").Click();
        layers.Dialogs.WaitForAssertion(() => layers.Dialogs.Find("input[data-testid=rule-name]").Input("Loud voices"));
        layers.Dialogs.Find("[data-testid=add-condition]").Click();
        layers.Dialogs.WaitForAssertion(() => layers.Dialogs.Find("input[data-testid=condition-keywords]").Input("lawsuit, lawyer"));
        layers.Dialogs.Find("[data-testid=add-action]").Click();
        layers.Dialogs.WaitForAssertion(() => layers.Dialogs.Find("[data-testid=action-type]"));
        Choose(layers.Dialogs.Find("[data-testid=action-type]"), "Add tags", layers);
        layers.Dialogs.WaitForAssertion(() => layers.Dialogs.Find("input[data-testid=action-tags]").Input("legal-risk, press"));
        layers.Dialogs.Find("[data-testid=save-rule]").Click();

        page.WaitForAssertion(() => Assert.Equal("Loud voices", page.Find("[data-testid=routing-rule]").GetAttribute("data-rule-name")));
        var body = Assert.Single(Api.CallsTo(HttpMethod.Post, Rules)).Json;
        Assert.Equal("Loud voices", body.GetProperty("name").GetString());
        Assert.Equal(RoutingFields.Keywords, body.GetProperty("conditions")[0].GetProperty("field").GetString());
        Assert.Equal(["lawsuit", "lawyer"], body.GetProperty("conditions")[0].GetProperty("values").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(RoutingActionTypes.AddTags, body.GetProperty("actions")[0].GetProperty("type").GetString());
        Assert.Equal(["legal-risk", "press"], body.GetProperty("actions")[0].GetProperty("tags").EnumerateArray().Select(v => v.GetString()));
    }

    [Fact]
    public void The_dry_run_shows_which_rule_fires_and_why_and_which_did_not()
    {
        Api.Answer(HttpMethod.Get, Rules, HttpStatusCode.OK, new[] { Gdpr, Press });
        var classification = new MessageClassification("question", 0, "neutral", "privacy", "en", "normal", []);
        Api.Answer(HttpMethod.Post, $"{Rules}/dry-run", HttpStatusCode.OK, new RoutingDryRunResult(
            classification,
            [
                new RuleEvaluation(Gdpr.Id, Gdpr.Name, 1, true, true, ["keyword “GDPR”"], null, false),
                new RuleEvaluation(Press.Id, Press.Name, 2, true, false, [], "12 followers, fewer than 10,000", false),
            ],
            "legal", "normal", [], null, null, null, false, "Routed to legal by rule “GDPR requests” (#1) because keyword “GDPR”; priority normal: urgency normal"));
        var layers = RenderLayers();
        var page = Render<RoutingRules>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=routing-rule]").Count));

        page.Find("textarea[data-testid=dry-run-text]").Input("What data do you hold on me under GDPR?");
        Choose(page.Find("[data-testid=dry-run-channel]"), "email", layers);
        page.Find("[data-testid=dry-run-submit]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=dry-run-result]"));
        var result = page.Find("[data-testid=dry-run-result]");
        Assert.Equal("legal", result.GetAttribute("data-department"));
        Assert.Contains("Routed to legal by rule “GDPR requests” (#1)", result.TextContent, StringComparison.Ordinal);
        var verdicts = page.FindAll("[data-testid=dry-run-rule]");
        Assert.Equal("true", verdicts[0].GetAttribute("data-matched"));
        Assert.Contains("matched because keyword “GDPR”", verdicts[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("no match: 12 followers, fewer than 10,000", verdicts[1].TextContent, StringComparison.Ordinal);
        var body = Assert.Single(Api.CallsTo(HttpMethod.Post, $"{Rules}/dry-run")).Json;
        Assert.Equal("What data do you hold on me under GDPR?", body.GetProperty("text").GetString());
        Assert.Equal("email", body.GetProperty("channel").GetString());
        Assert.Equal("mention", body.GetProperty("kind").GetString());
    }

    [Fact]
    public void A_dry_run_without_text_shows_the_error_beside_the_text()
    {
        Api.Answer(HttpMethod.Get, Rules, HttpStatusCode.OK, Array.Empty<RoutingRuleView>());
        Api.Problem(HttpMethod.Post, $"{Rules}/dry-run", HttpStatusCode.BadRequest, errors: new() { ["text"] = ["Required."] });
        var page = Render<RoutingRules>();
        page.WaitForAssertion(() => page.Find("[data-testid=routing-rules-empty]"));

        page.Find("[data-testid=dry-run-submit]").Click();

        page.WaitForAssertion(() => Assert.Contains(
            "Required.", page.Find("textarea[data-testid=dry-run-text]").Closest(".mud-input-control")!.TextContent, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("[data-testid=dry-run-result]"));
    }

    private static RoutingRuleView Rule(
        string name, int position, IReadOnlyList<RoutingCondition> conditions, IReadOnlyList<RoutingAction> actions, bool enabled) =>
        new(Guid.NewGuid(), name, position, enabled, conditions, actions, false, At, "admin", At, "admin");
}
