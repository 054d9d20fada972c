using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SocialEnterprise.Api.Reports;
using SocialEnterprise.Contracts.Audit;
using SocialEnterprise.Contracts.Reports;
using SocialEnterprise.Contracts.Staff;
using SocialEnterprise.Domain.Audit;
using SocialEnterprise.Domain.Staff;
using SocialEnterprise.Infrastructure.Audit;
using SocialEnterprise.Infrastructure.Reports;
using SocialEnterprise.Infrastructure.Staff;
using static SocialEnterprise.Api.IntegrationTests.Reports.ReportsFixture;

namespace SocialEnterprise.Api.IntegrationTests.Reports;

/// <summary>The SLA and operations report over the week of known data in <see cref="ReportsFixture"/>; every expected figure is worked out from it by hand.</summary>
public sealed class ServiceLevelReportTests(ReportsFixture api) : IClassFixture<ReportsFixture>
{
    private readonly CancellationToken _cancellation = TestContext.Current.CancellationToken;

    [Fact]
    public async Task First_response_and_resolution_times_are_the_median_and_p90_of_the_stopped_clocks()
    {
        var report = await ReportAsync(Week);

        // First responses stopped in the week: 60, 120, 180, 240, 300 s (the running, paused and cancelled ones do not count).
        Assert.Equal(new DurationSummary(5, 180, 276), report.FirstResponse);
        // Resolutions: 1,800, 3,600, 7,200 s; p90 lies 80 % of the way from 3,600 to 7,200.
        Assert.Equal(new DurationSummary(3, 3600, 6480), report.Resolution);
        Assert.Equal("day", report.Bucket);
        Assert.Null(report.Departments);
    }

    [Fact]
    public async Task Compliance_is_the_share_met_of_the_decided_clocks_per_metric_department_channel_priority_and_agent()
    {
        var report = await ReportAsync(Week);

        Assert.Equal(("all", 7, 4, 1), Counts(report.Overall));
        Assert.Equal(63.64, report.Overall.Percent!.Value, 2);
        Assert.Equal(
            [("first-response", 4, 2, 1), ("next-response", 1, 0, 0), ("resolution", 2, 1, 0), ("consult", 0, 1, 0)],
            report.ByMetric.Select(Counts));
        Assert.Equal([("legal", 0, 1, 0), ("sales", 1, 0, 1), ("support", 6, 3, 0)], report.ByDepartment.Select(Counts));
        Assert.Equal([("chat", 0, 1, 0), ("email", 2, 1, 1), ("x", 5, 2, 0)], report.ByChannel.Select(Counts));
        Assert.Equal([("normal", 2, 1, 1), ("high", 5, 2, 0), ("urgent", 0, 1, 0)], report.ByPriority.Select(Counts));
        Assert.Equal(66.67, report.ByMetric[0].Percent!.Value, 2);
        Assert.Equal(0, report.ByMetric.Single(row => row.Key == "consult").Percent);

        // Agents, best compliance first: Alex 5 of 7, Jordan 2 of 3, nobody (the consult) 0 of 1.
        Assert.Equal(["Alex Agent", "Jordan Agent", "Unassigned"], report.Agents.Select(agent => agent.Name));
        var alex = report.Agents[0];
        Assert.Equal(api.Alex, alex.AgentId);
        Assert.Equal((5, 2, 0), (alex.Compliance.Met, alex.Compliance.Breached, alex.Compliance.Open));
        Assert.Equal(new DurationSummary(4, 150, 264), alex.FirstResponse);
        Assert.Equal(new DurationSummary(2, 5400, 6840), alex.Resolution);
        var jordan = report.Agents[1];
        Assert.Equal((2, 1, 1), (jordan.Compliance.Met, jordan.Compliance.Breached, jordan.Compliance.Open));
        Assert.Equal(new DurationSummary(1, 240, 240), jordan.FirstResponse);
        Assert.Null(report.Agents[2].AgentId);
        Assert.Equal(0, report.Agents[2].Compliance.Percent);
    }

    [Fact]
    public async Task Breaches_are_counted_per_day_when_they_happened_and_per_hour_for_short_ranges()
    {
        var week = await ReportAsync(Week);

        Assert.Equal(Enumerable.Range(0, 7).Select(day => Monday.AddDays(day)), week.Breaches.Buckets);
        Assert.Equal([0, 2, 1, 0, 0, 0, 0], Series(week.Breaches, "first-response"));
        Assert.Equal([0, 0, 0, 1, 0, 0, 0], Series(week.Breaches, "resolution"));
        Assert.Equal([0, 0, 0, 0, 1, 0, 0], Series(week.Breaches, "consult"));
        Assert.Equal([0, 0, 0, 0, 0, 0, 0], Series(week.Breaches, "next-response"));

        var day = await ReportAsync("from=2025-03-02T00:00:00Z&to=2025-03-03T00:00:00Z");

        Assert.Equal("hour", day.Bucket);
        Assert.Equal(24, day.Breaches.Buckets.Count);
        var hours = Series(day.Breaches, "first-response");
        Assert.Equal(1, hours[10]);
        Assert.Equal(1, hours[23]);
        Assert.Equal(2, hours.Sum());
    }

    [Fact]
    public async Task Satisfaction_is_the_average_distribution_and_response_rate_of_the_surveys_sent()
    {
        var report = await ReportAsync(Week);

        Assert.Equal(5, report.Csat.Sent);
        Assert.Equal(3, report.Csat.Answered);
        Assert.Equal(11.0 / 3, report.Csat.Average!.Value, 6);
        Assert.Equal([0, 1, 0, 1, 1], report.Csat.Distribution);
        Assert.Equal(60, report.Csat.ResponseRate);
        Assert.Equal(["sales", "support"], report.CsatByDepartment.Select(row => row.Key));
        Assert.Equal((1, 0, (double?)null), (report.CsatByDepartment[0].Sent, report.CsatByDepartment[0].Answered, report.CsatByDepartment[0].Average));
        Assert.Equal((4, 3), (report.CsatByDepartment[1].Sent, report.CsatByDepartment[1].Answered));
        Assert.Equal(11.0 / 3, report.CsatByDepartment[1].Average!.Value, 6);
        Assert.Equal(75, report.CsatByDepartment[1].ResponseRate);
        var alex = report.Agents.Single(agent => agent.AgentId == api.Alex).Csat;
        Assert.Equal((3, 2, 4.5), (alex.Sent, alex.Answered, alex.Average));
        var jordan = report.Agents.Single(agent => agent.AgentId == api.Jordan).Csat;
        Assert.Equal((2, 1, 2.0), (jordan.Sent, jordan.Answered, jordan.Average));
    }

    [Fact]
    public async Task Volume_is_the_conversations_opened_per_day_and_channel()
    {
        var report = await ReportAsync(Week);

        Assert.Equal([2, 0, 0, 0, 0, 0, 0], Series(report.Volume, "x"));
        Assert.Equal([0, 1, 0, 0, 0, 0, 0], Series(report.Volume, "email"));
        Assert.Equal([0, 0, 0, 0, 1, 0, 0], Series(report.Volume, "chat"));
        Assert.Equal(4, report.Volume.Series.Sum(series => series.Total));
    }

    [Fact]
    public async Task Filters_narrow_every_figure()
    {
        var sales = await ReportAsync($"{Week}&department=sales");
        Assert.Equal(("all", 1, 0, 1), Counts(sales.Overall));
        Assert.Equal(new DurationSummary(1, 1800, 1800), sales.Resolution);
        Assert.Equal(DurationSummary.None, sales.FirstResponse);
        Assert.Equal((1, 0), (sales.Csat.Sent, sales.Csat.Answered));
        Assert.Equal(1, sales.Volume.Series.Sum(series => series.Total));

        var email = await ReportAsync($"{Week}&channel=email&priority=normal");
        Assert.Equal(("all", 2, 1, 1), Counts(email.Overall));

        var alex = await ReportAsync($"{Week}&agent={api.Alex}");
        Assert.Equal(("all", 5, 2, 0), Counts(alex.Overall));
        Assert.Equal(3, alex.Csat.Sent);
        Assert.Equal(["Alex Agent"], alex.Agents.Select(agent => agent.Name));

        var before = await ReportAsync("from=2025-01-01&to=2025-01-31");
        Assert.True(before.IsEmpty);
    }

    [Theory]
    [InlineData("from=yesterday", "from")]
    [InlineData("from=2025-03-07&to=2025-03-01", "from")]
    [InlineData("from=2024-01-01&to=2025-03-01", "to")]
    [InlineData("department=accounts", "department")]
    [InlineData("channel=fax", "channel")]
    [InlineData("priority=extreme", "priority")]
    [InlineData("agent=alex", "agent")]
    public async Task Bad_filters_are_problems_naming_the_field(string query, string field)
    {
        using var admin = api.CreateStaffClient(StaffRoles.Admin);

        foreach (var path in new[] { "api/reports/service-levels", "api/reports/service-levels.csv" })
        {
            using var response = await admin.GetAsync($"{path}?{query}", _cancellation);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(_cancellation));
            Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _), $"{path}?{query} should name {field}");
        }
    }

    [Fact]
    public async Task Managers_see_only_their_departments_and_are_refused_another()
    {
        using var manager = api.CreateStaffClient(StaffRoles.Manager, "support");

        var report = await manager.GetFromJsonAsync<ServiceLevelReport>($"api/reports/service-levels?{Week}", _cancellation);
        using var other = await manager.GetAsync($"api/reports/service-levels?{Week}&department=sales", _cancellation);
        using var otherCsv = await manager.GetAsync($"api/reports/service-levels.csv?{Week}&department=legal", _cancellation);

        Assert.Equal(["support"], report!.Departments);
        Assert.Equal(("all", 6, 3, 0), Counts(report.Overall));
        Assert.Equal(["support"], report.ByDepartment.Select(row => row.Key));
        Assert.Equal((4, 3), (report.Csat.Sent, report.Csat.Answered));
        Assert.Equal(2, report.Volume.Series.Sum(series => series.Total));
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal("application/problem+json", other.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, otherCsv.StatusCode);
    }

    [Theory]
    [InlineData(StaffRoles.Agent, HttpStatusCode.Forbidden)]
    [InlineData(StaffRoles.Member, HttpStatusCode.Forbidden)]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    public async Task Agents_and_members_may_not_read_reports_and_anonymous_callers_must_sign_in(string? role, HttpStatusCode expected)
    {
        using var client = role is null ? api.CreateClient(key: null) : api.CreateStaffClient(role, "support");

        using var report = await client.GetAsync($"api/reports/service-levels?{Week}", _cancellation);
        using var csv = await client.GetAsync($"api/reports/service-levels.csv?{Week}", _cancellation);

        Assert.Equal(expected, report.StatusCode);
        Assert.Equal(expected, csv.StatusCode);
    }

    [Fact]
    public async Task The_CSV_has_one_row_per_clock_and_the_export_is_audited_with_its_filters()
    {
        using var admin = api.CreateStaffClient(StaffRoles.Admin);

        using var response = await admin.GetAsync($"api/reports/service-levels.csv?{Week}&department=support&priority=high", _cancellation);
        var lines = (await response.Content.ReadAsStringAsync(_cancellation)).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("service-levels-20250301-20250308.csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal(ReportsApi.CsvHeader, lines[0]);
        // Alex's four first responses, two resolutions and a next response, oldest first.
        Assert.Equal(7, lines.Length - 1);
        var first = lines[1].Split(',');
        Assert.Equal(
            ["first-response", "support", api.Alex.ToString(), "Alex Agent", "x", "high", "standard", "900", "2025-03-01T09:00:00Z", "2025-03-01T09:01:00Z", "60", "met", "", "met"],
            first.Skip(1));
        var breached = lines.Skip(1).Select(line => line.Split(',')).Single(row => row[1] == "first-response" && row[12] == "breached");
        Assert.Equal(("2025-03-02T10:00:00Z", "breached"), (breached[13], breached[14]));

        await using var db = api.NewDbContext();
        var audit = db.AuditLog.Where(entry => entry.Action == AuditActions.ReportExported).OrderByDescending(entry => entry.Id).First();
        Assert.Equal("admin@example.test", audit.Actor);
        Assert.Equal("service-levels", audit.Target);
        Assert.Contains("department=support", audit.Detail, StringComparison.Ordinal);
        Assert.Contains("priority=high", audit.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_manager_exports_only_their_departments_clocks()
    {
        using var manager = api.CreateStaffClient(StaffRoles.Manager, "sales");

        var csv = await manager.GetStringAsync($"api/reports/service-levels.csv?{Week}", _cancellation);
        var rows = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(line => line.Split(',')).ToList();

        Assert.Equal(3, rows.Count);
        Assert.All(rows, row => Assert.Equal("sales", row[2]));
        // Oldest first: the resolution met on the 2nd, the paused first response (open), the cancelled one.
        Assert.Equal(["met", "open", "cancelled"], rows.Select(row => row[14]));
    }

    private async Task<ServiceLevelReport> ReportAsync(string query)
    {
        using var admin = api.CreateStaffClient(StaffRoles.Admin);
        using var response = await admin.GetAsync($"api/reports/service-levels?{query}", _cancellation);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(_cancellation));
        return (await response.Content.ReadFromJsonAsync<ServiceLevelReport>(_cancellation))!;
    }

    private static (string, int, int, int) Counts(ComplianceRow row) => (row.Key, row.Met, row.Breached, row.Open);

    private static IReadOnlyList<int> Series(TimeSeries series, string key) => series.Series.Single(s => s.Key == key).Counts;
}
