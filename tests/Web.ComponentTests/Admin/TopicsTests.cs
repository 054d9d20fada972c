using System.Net;
using Bunit;
using SocialEnterprise.Contracts.Classification;
using SocialEnterprise.Web.Components.Admin;

namespace SocialEnterprise.Web.ComponentTests.Admin;

public sealed class TopicsTests : WorkspaceContext
{
    private const string TopicsPath = "/api/topics";

    private static readonly TopicView Billing = new("billing", "Billing", "support", ["invoice", "refund"], [], 0, DateTimeOffset.UtcNow, "system");
    private static readonly TopicView Outage = new("outage", "Outage", "engineering", ["down", "not loading"], [], 1, DateTimeOffset.UtcNow, "system");

    public TopicsTests() => SignInAs("admin");

    [Fact]
    public void The_catalogue_shows_name_key_department_and_keywords()
    {
        Api.Answer(HttpMethod.Get, TopicsPath, HttpStatusCode.OK, new[] { Billing, Outage });

        var page = Render<Topics>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=topic]").Count));
        var outage = page.Find("[data-testid=topic][data-key=outage]");
        Assert.Contains("Engineering", outage.TextContent, StringComparison.Ordinal);
        Assert.Equal(["down", "not loading"], outage.QuerySelectorAll(".mud-chip").Select(chip => chip.TextContent.Trim()));
    }

    [Fact]
    public void An_empty_catalogue_and_a_failure_each_have_their_own_message()
    {
        Api.Answer(HttpMethod.Get, TopicsPath, HttpStatusCode.OK, Array.Empty<TopicView>());
        var empty = Render<Topics>();
        empty.WaitForAssertion(() => Assert.Contains("messages get no topic", empty.Find("[data-testid=topics-empty]").TextContent, StringComparison.Ordinal));

        Api.Problem(HttpMethod.Get, TopicsPath, HttpStatusCode.InternalServerError, "Something broke.");
        var failed = Render<Topics>();
        failed.WaitForAssertion(() => Assert.Contains("Something broke.", failed.Find("[data-testid=topics-error]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public void Keywords_typed_with_commas_become_chips_and_are_sent_as_a_list()
    {
        var added = new TopicView("shipping", "Shipping", "support", ["parcel", "courier", "late delivery"], [], 2, DateTimeOffset.UtcNow, "admin");
        Api.Answer(HttpMethod.Get, TopicsPath, HttpStatusCode.OK, new[] { Billing });
        Api.Answer(HttpMethod.Post, TopicsPath, HttpStatusCode.Created, added);
        var layers = RenderLayers();
        var page = Render<Topics>();
        page.WaitForAssertion(() => page.Find("[data-testid=topic]"));

        page.Find("[data-testid=add-topic]").Click();
        layers.Dialogs.WaitForAssertion(() => layers.Dialogs.Find("input[data-testid=topic-name]").Input("Shipping"));
        Assert.Equal("shipping", layers.Dialogs.Find("input[data-testid=topic-key]").GetAttribute("value"));
        Choose(layers.Dialogs.Find("input[data-testid=topic-department]"), "Support", layers);
        layers.Dialogs.Find("input[data-testid=topic-keywords-input]").Input("parcel, courier,");
        layers.Dialogs.WaitForAssertion(() => Assert.Equal(2, layers.Dialogs.FindAll("[data-testid=topic-keyword]").Count));
        layers.Dialogs.Find("input[data-testid=topic-keywords-input]").Input("late delivery");
        layers.Dialogs.Find("input[data-testid=topic-keywords-input]").KeyDown("Enter");
        layers.Dialogs.WaitForAssertion(() => Assert.Equal(3, layers.Dialogs.FindAll("[data-testid=topic-keyword]").Count));
        layers.Dialogs.Find("[data-testid=save-topic]").Click();

        page.WaitForAssertion(() => Assert.Single(Api.CallsTo(HttpMethod.Post, TopicsPath)));
        var body = Api.CallsTo(HttpMethod.Post, TopicsPath)[0].Json;
        Assert.Equal("shipping", body.GetProperty("key").GetString());
        Assert.Equal("Shipping", body.GetProperty("name").GetString());
        Assert.Equal("support", body.GetProperty("department").GetString());
        Assert.Equal(["parcel", "courier", "late delivery"], body.GetProperty("keywords").EnumerateArray().Select(k => k.GetString()));
    }

    [Fact]
    public void The_Api_field_errors_show_beside_their_fields()
    {
        Api.Answer(HttpMethod.Get, TopicsPath, HttpStatusCode.OK, new[] { Billing });
        Api.Problem(HttpMethod.Post, TopicsPath, HttpStatusCode.BadRequest, errors: new()
        {
            ["key"] = ["A topic with this key exists."],
            ["department"] = ["One of: engineering, legal, marketing, product, sales, support."],
        });
        var layers = RenderLayers();
        var page = Render<Topics>();
        page.WaitForAssertion(() => page.Find("[data-testid=topic]"));

        page.Find("[data-testid=add-topic]").Click();
        layers.Dialogs.WaitForAssertion(() => layers.Dialogs.Find("input[data-testid=topic-name]").Input("Billing"));
        layers.Dialogs.Find("input[data-testid=topic-keywords-input]").Input("invoice");
        layers.Dialogs.Find("[data-testid=save-topic]").Click();

        layers.Dialogs.WaitForAssertion(() => Assert.Contains(
            "A topic with this key exists.", layers.Dialogs.Find("input[data-testid=topic-key]").Closest(".mud-input-control")!.TextContent, StringComparison.Ordinal));
        Assert.Contains("One of: engineering", layers.Dialogs.Find("input[data-testid=topic-department]").Closest(".mud-input-control")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["invoice"], Api.CallsTo(HttpMethod.Post, TopicsPath)[0].Json.GetProperty("keywords").EnumerateArray().Select(k => k.GetString()));
    }

    [Fact]
    public void Editing_keeps_the_key_and_puts_the_changes()
    {
        Api.Answer(HttpMethod.Get, TopicsPath, HttpStatusCode.OK, new[] { Billing });
        Api.Answer(HttpMethod.Put, $"{TopicsPath}/billing", HttpStatusCode.OK, Billing with { Keywords = ["invoice"] });
        var layers = RenderLayers();
        var page = Render<Topics>();
        page.WaitForAssertion(() => page.Find("[data-testid=edit-topic]").Click());

        layers.Dialogs.WaitForAssertion(() => Assert.Equal(2, layers.Dialogs.FindAll("[data-testid=topic-keyword]").Count));
        Assert.True(layers.Dialogs.Find("input[data-testid=topic-key]").HasAttribute("disabled"));
        layers.Dialogs.FindAll("[data-testid=topic-keyword]").Single(chip => chip.TextContent.Contains("refund", StringComparison.Ordinal))
            .QuerySelector("button")!.Click();
        layers.Dialogs.Find("[data-testid=save-topic]").Click();

        page.WaitForAssertion(() => Assert.Single(Api.CallsTo(HttpMethod.Put, $"{TopicsPath}/billing")));
        var body = Api.CallsTo(HttpMethod.Put, $"{TopicsPath}/billing")[0].Json;
        Assert.Equal(["invoice"], body.GetProperty("keywords").EnumerateArray().Select(k => k.GetString()));
        Assert.Equal("support", body.GetProperty("department").GetString());
    }

    [Fact]
    public void Deleting_a_topic_asks_first()
    {
        Api.Answer(HttpMethod.Get, TopicsPath, HttpStatusCode.OK, new[] { Billing, Outage });
        Api.Answer(HttpMethod.Delete, $"{TopicsPath}/outage", HttpStatusCode.NoContent);
        var layers = RenderLayers();
        var page = Render<Topics>();
        page.WaitForAssertion(() => page.Find("[data-testid=topic][data-key=outage] [data-testid=delete-topic]").Click());

        layers.Dialogs.WaitForAssertion(() => layers.Dialogs.FindAll("button").Single(button => button.TextContent.Trim() == "Delete").Click());

        page.WaitForAssertion(() => Assert.Equal("billing", Assert.Single(page.FindAll("[data-testid=topic]")).GetAttribute("data-key")));
        Assert.Single(Api.CallsTo(HttpMethod.Delete, $"{TopicsPath}/outage"));
    }
}
