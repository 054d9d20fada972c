using System.Net;
using Bunit;
using SocialEnterprise.Contracts.Filtering;
using SocialEnterprise.Web.Components.Admin;

namespace SocialEnterprise.Web.ComponentTests.Admin;

public sealed class NoiseRulesTests : WorkspaceContext
{
    private const string Rules = "/api/noise-rules";

    private static readonly NoiseRuleView Spam = Rule(NoiseRuleKinds.SpamPattern, @"\bf4f\b", "follow-for-follow", enabled: true);
    private static readonly NoiseRuleView Vip = Rule(NoiseRuleKinds.VipAuthor, "x:@thepress", "the press", enabled: true);

    public NoiseRulesTests() => SignInAs("admin");

    [Fact]
    public void The_rules_show_with_kind_pattern_description_and_whether_they_apply()
    {
        Api.Answer(HttpMethod.Get, Rules, HttpStatusCode.OK, new[] { Spam, Vip with { Enabled = false } });

        var page = Render<NoiseRules>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=noise-rule]").Count));
        var vip = page.Find($"[data-testid=noise-rule][data-id='{Vip.Id}']");
        Assert.Equal("vip-author", vip.GetAttribute("data-kind"));
        Assert.Contains("x:@thepress", vip.TextContent, StringComparison.Ordinal);
        Assert.Contains("the press", vip.TextContent, StringComparison.Ordinal);
        Assert.Equal("false", vip.GetAttribute("data-enabled"));
        Assert.False(vip.QuerySelector("input[data-testid=rule-enabled]")!.HasAttribute("checked"));
    }

    [Fact]
    public void No_rules_and_an_unreachable_Api_each_have_their_own_message()
    {
        Api.Answer(HttpMethod.Get, Rules, HttpStatusCode.OK, Array.Empty<NoiseRuleView>());
        var empty = Render<NoiseRules>();
        empty.WaitForAssertion(() => Assert.Contains("every event reaches the inbox", empty.Find("[data-testid=rules-empty]").TextContent, StringComparison.Ordinal));

        Api.Problem(HttpMethod.Get, Rules, HttpStatusCode.Forbidden, "Administrators only.");
        var refused = Render<NoiseRules>();
        refused.WaitForAssertion(() => Assert.Contains("Administrators only.", refused.Find("[data-testid=rules-error]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public void The_enabled_switch_saves_the_rule_at_once()
    {
        Api.Answer(HttpMethod.Get, Rules, HttpStatusCode.OK, new[] { Spam });
        Api.Answer(HttpMethod.Put, $"{Rules}/{Spam.Id}", HttpStatusCode.OK, Spam with { Enabled = false });
        var page = Render<NoiseRules>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=noise-rule]")));

        page.Find("input[data-testid=rule-enabled]").Change(false);

        page.WaitForAssertion(() => Assert.Equal("false", page.Find("[data-testid=noise-rule]").GetAttribute("data-enabled")));
        var body = Assert.Single(Api.CallsTo(HttpMethod.Put, $"{Rules}/{Spam.Id}")).Json;
        Assert.Equal(NoiseRuleKinds.SpamPattern, body.GetProperty("kind").GetString());
        Assert.Equal(@"\bf4f\b", body.GetProperty("pattern").GetString());
        Assert.Equal("follow-for-follow", body.GetProperty("description").GetString());
        Assert.False(body.GetProperty("enabled").GetBoolean());
    }

    [Fact]
    public void A_rule_is_added_in_a_dialog_and_the_Api_field_errors_show_beside_their_fields()
    {
        Api.Answer(HttpMethod.Get, Rules, HttpStatusCode.OK, Array.Empty<NoiseRuleView>());
        Api.Problem(HttpMethod.Post, Rules, HttpStatusCode.BadRequest, errors: new() { ["pattern"] = ["Not a valid regular expression: unterminated ["] });
        var layers = RenderLayers();
        var page = Render<NoiseRules>();
        page.WaitForAssertion(() => page.Find("[data-testid=rules-empty]"));

        page.Find("[data-testid=add-rule]").Click();
        layers.Dialogs.WaitForAssertion(() => layers.Dialogs.Find("[data-testid=rule-kind]"));
        Choose(layers.Dialogs.Find("[data-testid=rule-kind]"), NoiseRuleKinds.SpamPattern, layers);
        layers.Dialogs.WaitForAssertion(() => Assert.Contains("regular expression", layers.Dialogs.Markup, StringComparison.Ordinal));
        layers.Dialogs.Find("input[data-testid=rule-pattern]").Input("[unterminated");
        layers.Dialogs.Find("input[data-testid=rule-description]").Input("broken on purpose");
        layers.Dialogs.Find("[data-testid=save-rule]").Click();

        layers.Dialogs.WaitForAssertion(() => Assert.Contains(
            "Not a valid regular expression: unterminated [",
            layers.Dialogs.Find("input[data-testid=rule-pattern]").Closest(".mud-input-control")!.TextContent,
            StringComparison.Ordinal));
        var body = Assert.Single(Api.CallsTo(HttpMethod.Post, Rules)).Json;
        Assert.Equal(NoiseRuleKinds.SpamPattern, body.GetProperty("kind").GetString());
        Assert.Equal("[unterminated", body.GetProperty("pattern").GetString());
        Assert.Equal("broken on purpose", body.GetProperty("description").GetString());
        Assert.True(body.GetProperty("enabled").GetBoolean());
        Assert.NotEmpty(layers.Dialogs.FindAll("[data-testid=save-rule]"));
    }

    [Fact]
    public void A_saved_rule_closes_the_dialog_and_shows_in_the_table()
    {
        var added = Rule(NoiseRuleKinds.BlockedAuthor, "@spammer", "", enabled: true);
        Api.Answer(HttpMethod.Get, Rules, HttpStatusCode.OK, Array.Empty<NoiseRuleView>());
        Api.Answer(HttpMethod.Post, Rules, _ =>
        {
            Api.Answer(HttpMethod.Get, Rules, HttpStatusCode.OK, new[] { added });
            return new HttpResponseMessage(HttpStatusCode.Created) { Content = System.Net.Http.Json.JsonContent.Create(added) };
        });
        var layers = RenderLayers();
        var page = Render<NoiseRules>();
        page.WaitForAssertion(() => page.Find("[data-testid=rules-empty]"));

        page.Find("[data-testid=add-rule]").Click();
        layers.Dialogs.WaitForAssertion(() => layers.Dialogs.Find("input[data-testid=rule-pattern]").Input("@spammer"));
        layers.Dialogs.Find("[data-testid=save-rule]").Click();

        page.WaitForAssertion(() => Assert.Equal("@spammer", page.Find("[data-testid=noise-rule]").GetAttribute("data-pattern")));
        layers.Dialogs.WaitForAssertion(() => Assert.Empty(layers.Dialogs.FindAll("[data-testid=save-rule]")));
        Assert.Equal(NoiseRuleKinds.BlockedAuthor, Assert.Single(Api.CallsTo(HttpMethod.Post, Rules)).Json.GetProperty("kind").GetString());
    }

    [Fact]
    public void Editing_a_rule_puts_the_changed_fields()
    {
        Api.Answer(HttpMethod.Get, Rules, HttpStatusCode.OK, new[] { Vip });
        Api.Answer(HttpMethod.Put, $"{Rules}/{Vip.Id}", HttpStatusCode.OK, Vip with { Pattern = "@thepress" });
        var layers = RenderLayers();
        var page = Render<NoiseRules>();
        page.WaitForAssertion(() => page.Find("[data-testid=edit-rule]").Click());

        layers.Dialogs.WaitForAssertion(() => Assert.Equal("x:@thepress", layers.Dialogs.Find("input[data-testid=rule-pattern]").GetAttribute("value")));
        layers.Dialogs.Find("input[data-testid=rule-pattern]").Input("@thepress");
        layers.Dialogs.Find("[data-testid=save-rule]").Click();

        page.WaitForAssertion(() => Assert.Single(Api.CallsTo(HttpMethod.Put, $"{Rules}/{Vip.Id}")));
        var body = Api.CallsTo(HttpMethod.Put, $"{Rules}/{Vip.Id}")[0].Json;
        Assert.Equal(NoiseRuleKinds.VipAuthor, body.GetProperty("kind").GetString());
        Assert.Equal("@thepress", body.GetProperty("pattern").GetString());
        Assert.Equal("the press", body.GetProperty("description").GetString());
    }

    [Fact]
    public void Deleting_a_rule_asks_first()
    {
        Api.Answer(HttpMethod.Get, Rules, HttpStatusCode.OK, new[] { Spam, Vip });
        Api.Answer(HttpMethod.Delete, $"{Rules}/{Spam.Id}", HttpStatusCode.NoContent);
        var layers = RenderLayers();
        var page = Render<NoiseRules>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=noise-rule]").Count));

        page.Find($"[data-testid=noise-rule][data-id='{Spam.Id}'] [data-testid=delete-rule]").Click();
        layers.Dialogs.WaitForAssertion(() => Assert.Contains(@"\bf4f\b", layers.Dialogs.Markup, StringComparison.Ordinal));
        Assert.Empty(Api.CallsTo(HttpMethod.Delete, $"{Rules}/{Spam.Id}"));
        layers.Dialogs.FindAll("button").Single(button => button.TextContent.Trim() == "Delete").Click();

        page.WaitForAssertion(() => Assert.Equal(Vip.Id.ToString(), Assert.Single(page.FindAll("[data-testid=noise-rule]")).GetAttribute("data-id")));
        Assert.Single(Api.CallsTo(HttpMethod.Delete, $"{Rules}/{Spam.Id}"));
    }

    private static NoiseRuleView Rule(string kind, string pattern, string description, bool enabled) =>
        new(Guid.NewGuid(), kind, pattern, description, enabled, DateTimeOffset.UtcNow, "admin@example.test");
}
