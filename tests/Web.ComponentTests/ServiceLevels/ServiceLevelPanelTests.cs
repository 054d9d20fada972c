using System.Net;
using Bunit;
using SocialEnterprise.Contracts.Conversations;
using SocialEnterprise.Contracts.ServiceLevels;
using SocialEnterprise.Domain.Conversations;
using SocialEnterprise.Domain.ServiceLevels;
using SocialEnterprise.Infrastructure.Conversations;
using SocialEnterprise.Infrastructure.ServiceLevels;
using SocialEnterprise.Web.Components.Admin;
using SocialEnterprise.Web.Components.Conversations;

namespace SocialEnterprise.Web.ComponentTests.ServiceLevels;

public sealed class ServiceLevelPanelTests : WorkspaceContext
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    private readonly Guid _conversation = Guid.NewGuid();

    private string Path => $"/api/conversations/{_conversation}/sla";

    private static ServiceLevelClockView Clock(string metric, string state, TimeSpan remaining, Guid? consult = null, string department = "support") => new(
        Guid.NewGuid(), metric, consult, department, "standard", Priorities.Normal, TimeSpan.FromHours(4), TimeSpan.FromHours(4) - remaining, remaining,
        ServiceLevelOutcomes.Running, state, Start, Start.AddHours(3.2), Start.AddHours(4), null, null, null, null);

    [Fact]
    public void The_banner_turns_from_on_track_to_at_risk_when_a_warning_arrives_on_the_conversations_stream()
    {
        SignInAs("agent");
        Api.Answer(HttpMethod.Get, Path, HttpStatusCode.OK, new ConversationServiceLevels(
            [Clock(ServiceLevelMetrics.FirstResponse, ServiceLevelStates.OnTrack, TimeSpan.FromHours(2))], [], "2 h left for the first response",
            ServiceLevelStates.OnTrack));
        var panel = Render<ServiceLevelPanel>(parameters => parameters.Add(p => p.ConversationId, _conversation));
        panel.WaitForAssertion(() => Assert.Equal(ServiceLevelStates.OnTrack, panel.Find("[data-testid=sla-banner]").GetAttribute("data-state")));
        Assert.Equal("First response: 2 h left", panel.Find("[data-testid=sla-clock]").TextContent.Trim());

        var legal = Guid.NewGuid();
        Api.Answer(HttpMethod.Get, Path, HttpStatusCode.OK, new ConversationServiceLevels(
            [Clock(ServiceLevelMetrics.FirstResponse, ServiceLevelStates.AtRisk, TimeSpan.FromMinutes(12)),
             Clock(ServiceLevelMetrics.Consult, ServiceLevelStates.OnTrack, TimeSpan.FromHours(2), legal, "legal")],
            [new ConsultRollup(legal, "legal", TimeSpan.FromHours(2), ServiceLevelMetrics.FirstResponse, TimeSpan.FromMinutes(12), true,
                "Legal has 2 h of your 12 min left: due after the first response, a risk to the customer promise")],
            "At risk: 12 min left for the first response", ServiceLevelStates.AtRisk));
        panel.InvokeAsync(() => Live.PublishAsync(Envelope(new ServiceLevelWarning(
            _conversation, Guid.NewGuid(), null, ServiceLevelMetrics.FirstResponse, "support", null, Start.AddHours(4), Start.AddHours(3.2)), 7)));

        panel.WaitForAssertion(() => Assert.Equal(ServiceLevelStates.AtRisk, panel.Find("[data-testid=sla-banner]").GetAttribute("data-state")), TimeSpan.FromSeconds(5));
        Assert.Contains("At risk: 12 min left", panel.Find("[data-testid=sla-banner]").TextContent, StringComparison.Ordinal);
        var rollup = panel.Find("[data-testid=sla-consult-rollup]");
        Assert.Equal("true", rollup.GetAttribute("data-risk"));
        Assert.StartsWith("Legal has 2 h of your 12 min left", rollup.TextContent.Trim(), StringComparison.Ordinal);
        // The consult's own clock is in the roll-up, not among the customer's chips.
        Assert.Single(panel.FindAll("[data-testid=sla-clock]"));
    }

    [Theory]
    [InlineData("4h", 240)]
    [InlineData("30m", 30)]
    [InlineData("1d2h", 26 * 60)]
    [InlineData("1h30m", 90)]
    public void Durations_read_as_admins_write_them(string text, int minutes)
    {
        Assert.Equal(TimeSpan.FromMinutes(minutes), ServiceLevelText.ParseDuration(text));
        Assert.Equal(TimeSpan.FromMinutes(minutes), ServiceLevelText.ParseDuration(ServiceLevelText.Duration(TimeSpan.FromMinutes(minutes))));
    }

    [Theory]
    [InlineData("")]
    [InlineData("4")]
    [InlineData("4x")]
    [InlineData("h4")]
    public void Other_text_is_not_a_duration(string text) => Assert.Null(ServiceLevelText.ParseDuration(text));

    [Fact]
    public void Open_hours_and_holidays_read_back_as_written_and_bad_lines_are_named()
    {
        var (hours, bad) = ServiceLevelText.ParseHours("Mon 09:00-12:00\nmonday 13:00-17:00\nSat 00:00-24:00\nFunday 9-5");
        Assert.Equal([4], bad);
        Assert.Equal(
            [new OpenHours(DayOfWeek.Monday, TimeSpan.FromHours(9), TimeSpan.FromHours(12)), new OpenHours(DayOfWeek.Monday, TimeSpan.FromHours(13), TimeSpan.FromHours(17)),
             new OpenHours(DayOfWeek.Saturday, TimeSpan.Zero, TimeSpan.FromDays(1))],
            hours);
        Assert.Equal("Mon 09:00-12:00\nMon 13:00-17:00\nSat 00:00-24:00", ServiceLevelText.Hours(hours));

        var (holidays, badHolidays) = ServiceLevelText.ParseHolidays("2026-12-25 Christmas Day\n2027-01-01\n25.12.2026");
        Assert.Equal([3], badHolidays);
        Assert.Equal([new Holiday(new DateOnly(2026, 12, 25), "Christmas Day"), new Holiday(new DateOnly(2027, 1, 1))], holidays);
    }

    [Fact]
    public void The_service_levels_page_lists_policies_and_saves_a_changed_target()
    {
        SignInAs("admin");
        var standard = SlaDefaults.Policies()[0];
        Api.Answer(HttpMethod.Get, "/api/sla/policies", HttpStatusCode.OK, new[] { ServiceLevelViews.SlaPolicyView(standard) });
        Api.Answer(HttpMethod.Get, "/api/sla/calendars", HttpStatusCode.OK, SlaDefaults.Calendars().Select(ServiceLevelViews.SlaCalendarView).ToArray());
        Api.Answer(HttpMethod.Put, "/api/sla/policies/standard", HttpStatusCode.OK, ServiceLevelViews.SlaPolicyView(standard));
        var page = Render<SocialEnterprise.Web.Components.Admin.ServiceLevels>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=sla-policy]")));
        Assert.Contains("1h / 1h / 3h", page.Find("[data-testid=sla-policy]").TextContent, StringComparison.Ordinal);

        page.Find("[data-testid=edit-policy]").Click();
        page.Find("input[data-testid=policy-target][data-metric=first-response][data-priority=urgent]").Change("45m");
        page.Find("[data-testid=save-policy]").Click();

        page.WaitForAssertion(() => Assert.Single(Api.CallsTo(HttpMethod.Put, "/api/sla/policies/standard")));
        var targets = Api.CallsTo(HttpMethod.Put, "/api/sla/policies/standard")[0].Json.GetProperty("targets").EnumerateArray()
            .Where(t => t.GetProperty("metric").GetString() == ServiceLevelMetrics.FirstResponse && t.GetProperty("priority").GetString() == Priorities.Urgent)
            .Select(t => t.GetProperty("target").GetString()).ToList();
        Assert.Equal(["00:45:00"], targets);
    }
}
