using System.Net;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Interop;
using SocialEnterprise.Contracts.Reports;
using SocialEnterprise.Web.Components.Reports;
using SocialEnterprise.Web.Components.Shared;

namespace SocialEnterprise.Web.ComponentTests.Reports;

public sealed class ServiceLevelsReportTests : WorkspaceContext
{
    private const string Path = "/api/reports/service-levels";

    /// <summary>Noon on 10 March 2025 (UTC, the fake clock's zone): the 30-day preset runs from 9 February to the end of the 10th.</summary>
    private static readonly DateTimeOffset Now = new(2025, 3, 10, 12, 0, 0, TimeSpan.Zero);

    private static readonly Guid Alex = Guid.NewGuid();

    public ServiceLevelsReportTests()
    {
        Services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now));
        // The size the browser reports for a chart, which MudBlazor draws to (MatchBoundsToSize): a chart 800 px wide.
        JSInterop.Setup<ElementSize>("mudObserveElementSize", _ => true).SetResult(new ElementSize { Width = 800, Height = 240, Timestamp = 1 });
        SignInAs("admin");
    }

    [Fact]
    public void Tiles_show_times_in_words_compliance_breaches_and_satisfaction()
    {
        Api.Answer(HttpMethod.Get, Path, HttpStatusCode.OK, Report());

        var page = Render<ServiceLevelsReport>();

        page.WaitForAssertion(() => Assert.Equal("1 h 20 min", Tile(page, "tile-first-response")));
        Assert.Contains("p90 2 h 5 min", page.Find("[data-testid=tile-first-response] [data-testid=tile-detail]").TextContent, StringComparison.Ordinal);
        Assert.Equal("2 d 4 h", Tile(page, "tile-resolution"));
        Assert.Equal("63.6 %", Tile(page, "tile-compliance"));
        Assert.Contains("7 met of 11 decided · 1 open", page.Find("[data-testid=tile-compliance] [data-testid=tile-detail]").TextContent, StringComparison.Ordinal);
        Assert.Equal("4", Tile(page, "tile-breaches"));
        Assert.Equal("3.7 / 5", Tile(page, "tile-csat"));
        Assert.Contains("60 % answered · 3 of 5", page.Find("[data-testid=tile-csat] [data-testid=tile-detail]").TextContent, StringComparison.Ordinal);
        var agents = page.FindAll("[data-testid=agent-row]");
        Assert.Equal(2, agents.Count);
        Assert.Contains("Alex Agent", agents[0].TextContent, StringComparison.Ordinal);
        Assert.Equal("71.4 %", agents[0].QuerySelector("[data-testid=agent-compliance]")!.TextContent.Trim());
        Assert.Equal("2 min 30 s", agents[0].QuerySelector("[data-testid=agent-first-response]")!.TextContent.Trim());
        Assert.StartsWith("4.5", agents[0].QuerySelector("[data-testid=agent-csat]")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.NotEmpty(page.FindAll("[data-testid=chart-breaches] .mud-chart"));
        Assert.Equal(["Sales", "Support"], page.FindAll("[data-testid=chart-departments] [data-testid=compliance-row]")
            .Select(row => row.QuerySelector("p")!.TextContent.Trim()));
    }

    [Fact]
    public void An_empty_report_says_no_data_yet_and_what_will_show_and_draws_no_chart()
    {
        Api.Answer(HttpMethod.Get, Path, HttpStatusCode.OK, Empty());

        var page = Render<ServiceLevelsReport>();

        page.WaitForAssertion(() => Assert.Contains("No data yet", page.Find("[data-testid=report-empty]").TextContent, StringComparison.Ordinal));
        Assert.Contains("Nothing from 4 Mar to 10 Mar matches these filters. Conversations, response and resolution times and satisfaction scores will show here",
            page.Find("[data-testid=report-empty]").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll(".mud-chart"));
        Assert.Empty(page.FindAll("[data-testid=tile-compliance]"));
    }

    [Fact]
    public void A_range_without_breaches_or_decided_clocks_still_shows_its_volume()
    {
        var quiet = Empty() with
        {
            Volume = new TimeSeries(Report().Volume.Buckets, [new CountSeries("email", [0, 3, 0, 0, 0, 0, 1])]),
        };
        Api.Answer(HttpMethod.Get, Path, HttpStatusCode.OK, quiet);

        var page = Render<ServiceLevelsReport>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=chart-volume] .mud-chart")));
        Assert.Equal("—", Tile(page, "tile-compliance"));
        Assert.Equal("—", Tile(page, "tile-first-response"));
        var breaches = page.Find("[data-testid=chart-breaches]");
        Assert.Contains("No data yet", breaches.TextContent, StringComparison.Ordinal);
        Assert.Contains("A missed response or resolution target will show here on the day it is missed", breaches.TextContent, StringComparison.Ordinal);
        Assert.Empty(breaches.QuerySelectorAll(".mud-chart"));
        Assert.Contains("No data yet", page.Find("[data-testid=chart-departments]").TextContent, StringComparison.Ordinal);
        Assert.Contains("No data yet", page.Find("[data-testid=csat-distribution]").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=csat-distribution] .mud-chart"));
        Assert.Empty(page.FindAll("[data-testid=agent-row]"));
    }

    [Fact]
    public void Thirty_days_name_a_day_a_week_on_the_axis_and_keep_every_days_point()
    {
        var buckets = Enumerable.Range(0, 30).Select(day => new DateTimeOffset(Now.Date.AddDays(day - 29), TimeSpan.Zero)).ToList();
        Api.Answer(HttpMethod.Get, Path, HttpStatusCode.OK, Report() with
        {
            From = buckets[0],
            Volume = new TimeSeries(buckets, [new CountSeries("email", [.. buckets.Select((_, day) => 1 + day % 4)])]),
        });

        var page = Render<ServiceLevelsReport>();

        page.WaitForAssertion(() => Assert.Equal(30, Points(page, "chart-volume")));
        var named = page.FindAll("[data-testid=chart-volume] .mud-charts-xaxis text").Select(label => label.TextContent.Trim()).Where(label => label.Length > 0);
        Assert.Equal(["9 Feb", "16 Feb", "23 Feb", "2 Mar", "9 Mar"], named);
    }

    [Theory]
    [InlineData(7, false, new[] { "4 Mar", "5 Mar", "6 Mar", "7 Mar", "8 Mar", "9 Mar", "10 Mar" })]
    [InlineData(90, false, new[] { "11 Dec", "25 Dec", "8 Jan", "22 Jan", "5 Feb", "19 Feb", "5 Mar" })]
    [InlineData(48, true, new[] { "9 Mar", "06:00", "12:00", "18:00", "10 Mar", "06:00", "12:00", "18:00" })]
    public void Axes_name_at_most_eight_buckets_at_a_step_people_count_in(int count, bool hourly, string[] expected)
    {
        var step = hourly ? TimeSpan.FromHours(1) : TimeSpan.FromDays(1);
        var last = new DateTimeOffset(Now.Date, TimeSpan.Zero) + (hourly ? TimeSpan.FromHours(23) : TimeSpan.Zero);
        var buckets = Enumerable.Range(0, count).Select(index => last - (count - 1 - index) * step).ToList();

        var labels = TimeAxis.Labels(buckets, hourly, TimeZoneInfo.Utc);

        Assert.Equal(count, labels.Length);
        Assert.Equal(expected, labels.Where(label => label.Length > 0));
    }

    [Theory]
    [InlineData(7.0, "7")]
    [InlineData(12_480.0, "12,480")]
    [InlineData(1_250_000.0, "1,250,000")]
    public void Counts_are_written_with_thousands_separated(double count, string expected) =>
        Assert.Equal(expected, ReportText.Count(count));

    [Fact]
    public void A_refusal_shows_the_Apis_reason()
    {
        Api.Problem(HttpMethod.Get, Path, HttpStatusCode.Forbidden, "Managers read the reports of their own departments; sales is not one of them.");

        var page = Render<ServiceLevelsReport>();

        page.WaitForAssertion(() => Assert.Contains("sales is not one of them", page.Find("[data-testid=report-error]").TextContent, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("[data-testid=report-loading]"));
    }

    [Fact]
    public void Trying_again_after_a_failure_loads_the_report() =>
        TryingAgainAfterAFailedLoadShows<ServiceLevelsReport>(Path, "The report", "report-error", Empty(), "[data-testid=report-empty]");

    [Fact]
    public void The_page_shows_loading_until_the_Api_answers()
    {
        Api.Answer(HttpMethod.Get, Path, HttpStatusCode.OK, Report());
        Api.Gate = new TaskCompletionSource();

        var page = Render<ServiceLevelsReport>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=report-loading]")));
        Api.Gate.SetResult();
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=report-loading]")));
    }

    [Fact]
    public void Changing_a_filter_asks_the_Api_for_exactly_that()
    {
        Api.Answer(HttpMethod.Get, Path, HttpStatusCode.OK, Report());
        var layers = RenderLayers();
        var page = Render<ServiceLevelsReport>();
        page.WaitForAssertion(() => Assert.Single(Api.CallsTo(HttpMethod.Get, Path)));
        Assert.Equal($"{Path}?from=2025-02-09T00%3A00%3A00Z&to=2025-03-11T00%3A00%3A00Z", Api.Calls[0].PathAndQuery);

        Choose(page.Find("input[data-testid=filter-department]"), "Support", layers);
        page.WaitForAssertion(() => Assert.Contains(Api.Calls, call => call.PathAndQuery ==
            $"{Path}?from=2025-02-09T00%3A00%3A00Z&to=2025-03-11T00%3A00%3A00Z&department=support"));
        Choose(page.Find("[data-testid=filter-range]"), "Last 7 days", layers);
        page.WaitForAssertion(() => Assert.Contains(Api.Calls, call => call.PathAndQuery ==
            $"{Path}?from=2025-03-04T00%3A00%3A00Z&to=2025-03-11T00%3A00%3A00Z&department=support"));
        Choose(page.Find("input[data-testid=filter-agent]"), "Alex Agent", layers);

        page.WaitForAssertion(() => Assert.Contains(Api.Calls, call => call.PathAndQuery ==
            $"{Path}?from=2025-03-04T00%3A00%3A00Z&to=2025-03-11T00%3A00%3A00Z&department=support&agent={Alex}"));
    }

    [Fact]
    public void Export_downloads_the_CSV_of_the_same_filters_through_the_Api()
    {
        Api.Answer(HttpMethod.Get, Path, HttpStatusCode.OK, Report());
        Api.Answer(HttpMethod.Get, $"{Path}.csv", _ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("conversation_id\n") });
        var page = Render<ServiceLevelsReport>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=tile-compliance]")));

        page.Find("button[data-testid=export]").Click();

        page.WaitForAssertion(() => Assert.Single(Api.CallsTo(HttpMethod.Get, $"{Path}.csv")));
        Assert.Equal($"{Path}.csv?from=2025-02-09T00%3A00%3A00Z&to=2025-03-11T00%3A00%3A00Z", Api.CallsTo(HttpMethod.Get, $"{Path}.csv")[0].PathAndQuery);
        page.WaitForAssertion(() => Assert.Equal("service-levels-2025-02-09-2025-03-11.csv",
            JSInterop.VerifyInvoke("socialEnterprise.download").Arguments[0]));
    }

    [Fact]
    public void A_support_manager_sees_their_department_by_name_and_that_it_is_theirs()
    {
        SignInAs("support.manager");
        // The Api narrows a manager's report to their departments and says so in the answer.
        Api.Answer(HttpMethod.Get, Path, HttpStatusCode.OK, Report() with { Departments = ["support"] });
        var layers = RenderLayers();
        var page = Render<ServiceLevelsReport>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=tile-compliance]")));

        Assert.Equal("Support", page.Find("input[data-testid=filter-department]").GetAttribute("value"));
        Assert.Equal("Showing Support (the department you belong to).", page.Find("[data-testid=report-scope]").TextContent.Trim());
        page.Find("input[data-testid=filter-department]").Closest(".mud-input-control")!.MouseDown();
        layers.Popovers.WaitForAssertion(() => Assert.Equal(["Support"], layers.Popovers.FindAll(".mud-list-item").Select(item => item.TextContent.Trim())));
        Assert.Equal($"{Path}?from=2025-02-09T00%3A00%3A00Z&to=2025-03-11T00%3A00%3A00Z", Assert.Single(Api.CallsTo(HttpMethod.Get, Path)).PathAndQuery);
    }

    [Fact]
    public void An_admin_sees_all_departments_and_may_choose_each_one()
    {
        Api.Answer(HttpMethod.Get, Path, HttpStatusCode.OK, Report());
        var layers = RenderLayers();
        var page = Render<ServiceLevelsReport>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=tile-compliance]")));

        Assert.Equal("All departments", page.Find("input[data-testid=filter-department]").GetAttribute("value"));
        Assert.Equal("Showing all departments.", page.Find("[data-testid=report-scope]").TextContent.Trim());
        page.Find("input[data-testid=filter-department]").Closest(".mud-input-control")!.MouseDown();
        layers.Popovers.WaitForAssertion(() => Assert.Equal(
            ["All departments", "Support", "Product", "Engineering", "Legal", "Sales", "Marketing"],
            layers.Popovers.FindAll(".mud-list-item").Select(item => item.TextContent.Trim())));
    }

    [Theory]
    [InlineData(null, "—")]
    [InlineData(45.4, "45 s")]
    [InlineData(90.0, "1 min 30 s")]
    [InlineData(720.0, "12 min")]
    [InlineData(4800.0, "1 h 20 min")]
    [InlineData(7200.0, "2 h")]
    [InlineData(187_200.0, "2 d 4 h")]
    public void Durations_read_the_way_people_say_them(double? seconds, string expected) =>
        Assert.Equal(expected, ReportText.Duration(seconds));

    /// <summary>The points a chart draws: the days (or hours) it has a point for, whatever their labels.</summary>
    private static int Points(IRenderedComponent<ServiceLevelsReport> page, string testId) =>
        page.FindAll($"[data-testid={testId}] circle.mud-chart-point").Select(point => point.GetAttribute("cx")).Distinct().Count();

    private static string Tile(IRenderedComponent<ServiceLevelsReport> page, string testId) =>
        page.Find($"[data-testid={testId}] [data-testid=tile-value]").TextContent.Trim();

    private static ServiceLevelReport Report()
    {
        var buckets = Enumerable.Range(0, 7).Select(day => Now.Date.AddDays(day - 6)).Select(day => new DateTimeOffset(day, TimeSpan.Zero)).ToList();
        return new ServiceLevelReport(
            buckets[0], buckets[^1].AddDays(1), "day", null,
            new DurationSummary(5, 4800, 7500),
            new DurationSummary(3, 187_200, 200_000),
            new ComplianceRow("all", "All", 7, 4, 1),
            [new ComplianceRow("first-response", "First response", 4, 2, 1)],
            [new ComplianceRow("support", "Support", 6, 3, 0), new ComplianceRow("sales", "Sales", 1, 0, 1)],
            [new ComplianceRow("x", "x", 5, 2, 0)],
            [new ComplianceRow("high", "high", 5, 2, 0)],
            [
                new AgentReportRow(Alex, "Alex Agent", new ComplianceRow(Alex.ToString(), "Alex Agent", 5, 2, 0),
                    new DurationSummary(4, 150, 264), new DurationSummary(2, 5400, 6840), new CsatRow(Alex.ToString(), "Alex Agent", 3, 2, 4.5)),
                new AgentReportRow(null, "Unassigned", new ComplianceRow("unassigned", "Unassigned", 0, 1, 0),
                    DurationSummary.None, DurationSummary.None, new CsatRow("unassigned", "Unassigned", 0, 0, null)),
            ],
            new TimeSeries(buckets, [new CountSeries("first-response", [0, 2, 1, 0, 0, 0, 0])]),
            new CsatSummary(5, 3, 11.0 / 3, [0, 1, 0, 1, 1]),
            [new CsatRow("support", "Support", 4, 3, 11.0 / 3)],
            new TimeSeries(buckets, [new CountSeries("x", [2, 0, 0, 0, 0, 0, 0])]));
    }

    private static ServiceLevelReport Empty()
    {
        var buckets = Enumerable.Range(0, 7).Select(day => new DateTimeOffset(Now.Date.AddDays(day - 6), TimeSpan.Zero)).ToList();
        var none = new ComplianceRow("all", "All", 0, 0, 0);
        return new ServiceLevelReport(
            buckets[0], buckets[^1].AddDays(1), "day", null, DurationSummary.None, DurationSummary.None, none, [], [], [], [], [],
            new TimeSeries(buckets, [new CountSeries("first-response", [0, 0, 0, 0, 0, 0, 0])]),
            new CsatSummary(0, 0, null, [0, 0, 0, 0, 0]), [],
            new TimeSeries(buckets, [new CountSeries("x", [0, 0, 0, 0, 0, 0, 0])]));
    }
}
