using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.JSInterop;
using MudBlazor;
using SocialEnterprise.Contracts.Reports;
using SocialEnterprise.Contracts.Staff;
using SocialEnterprise.Web.Access;
using SocialEnterprise.Web.Components.Shared;
using SocialEnterprise.Web.Operations;

namespace SocialEnterprise.Web.Components.Reports;

public partial class ServiceLevelsReport
{
    [Inject]
    public required ReportsClient ReportsClient { get; init; }

    [Inject]
    public required TimeProvider Time { get; init; }

    [Inject]
    public required IJSRuntime JS { get; init; }

    [Inject]
    public required ISnackbar Snackbar { get; init; }

    private const int CustomRange = 0;

    /// <summary>The department filter's choice of every department the caller sees (the Api's default scope).</summary>
    private const string AllMine = "";
    private static readonly int[] Presets = [7, 30, 90];
    private static readonly string[] ScoreLabels = ["1", "2", "3", "4", "5"];
    private static readonly BarChartOptions CountOptions = new() { ShowLegend = false, YAxisToStringFunc = value => ReportText.Count(value) };

    private ServiceLevelReport? _report;
    private readonly LoadState _load = new("The report");
    private bool _exporting;
    private int _days = 30;
    private DateTime? _customFrom;
    private DateTime? _customTo;
    private string? _department;
    private string? _channel;
    private string? _priority;
    private string? _agent;
    private bool _isAdmin;
    private IReadOnlyList<string> _departments = [];
    private Dictionary<string, string> _agents = new(StringComparer.Ordinal);

    [CascadingParameter]
    private Task<AuthenticationState>? Authentication { get; set; }

    protected override async Task OnInitializedAsync()
    {
        // The same claims the Api reads from the token the workspace calls it with: a manager is offered their own
        // departments only, and the Api narrows and refuses by the same rule.
        var staff = Authentication is null ? null : StaffMember.From((await Authentication).User);
        _isAdmin = staff is { IsAdmin: true };
        _departments = _isAdmin ? [.. Departments.Standard.Select(d => d.Id)] : staff?.Departments ?? [];

        await LoadAsync();
    }

    /// <summary>The query for the filters: presets run from the start of the day, N days back, to the end of today (local time).</summary>
    internal ServiceLevelReportQuery Query
    {
        get
        {
            var zone = Time.LocalTimeZone;
            var today = TimeZoneInfo.ConvertTime(Time.GetUtcNow(), zone).Date;
            var (first, last) = _days == CustomRange
                ? ((_customFrom ?? today.AddDays(-29)).Date, (_customTo ?? today).Date)
                : (today.AddDays(1 - _days), today);
            return new ServiceLevelReportQuery
            {
                From = Instant(first, zone),
                To = Instant(last.AddDays(1), zone),
                Department = _department,
                Channel = _channel,
                Priority = _priority,
                Agent = _agent,
            };
        }
    }

    private static string Instant(DateTime localMidnight, TimeZoneInfo zone) =>
        new DateTimeOffset(localMidnight, zone.GetUtcOffset(localMidnight)).ToUniversalTime()
            .ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    private Task PresetAsync(int days) => FilterAsync(() => _days = days);

    private Task CustomAsync(DateTime? from, DateTime? to) => FilterAsync(() => (_customFrom, _customTo) = (from, to));

    private async Task FilterAsync(Action change)
    {
        change();
        await LoadAsync();
    }

    private Task LoadAsync()
    {
        _report = null;
        // Through the overload that shows only the latest load: a slower answer to an earlier filter must not
        // overwrite the answer to the latest one.
        return _load.RunAsync(
            () => ReportsClient.ServiceLevelReportAsync(Query, CancellationToken.None),
            report =>
            {
                _report = report;
                RememberAgents(report);
            });
    }

    /// <summary>The agent filter's choices: the agents of the unfiltered report, kept while one of them is chosen.</summary>
    private void RememberAgents(ServiceLevelReport report)
    {
        if (_agent is null)
        {
            _agents = report.Agents.Where(agent => agent.AgentId is not null)
                .ToDictionary(agent => agent.Compliance.Key, agent => agent.Name, StringComparer.Ordinal);
        }
    }

    private bool Hourly => _report?.Bucket == "hour";

    /// <summary>A choice of the department filter in words: every department the caller sees, or one of them.</summary>
    private string DepartmentChoice(string? value) => value switch
    {
        null or AllMine when _isAdmin => "All departments",
        null or AllMine when _departments.Count == 1 => ReportText.Department(_departments[0]),
        null or AllMine when _departments.Count == 0 => "None of yours",
        null or AllMine => "All my departments",
        _ => ReportText.Department(value),
    };

    /// <summary>Whose figures the report shows, from the departments the Api actually covered.</summary>
    private string? Scope => _report is null ? null : ReportText.Showing(_report.Departments, _isAdmin ? null : _departments);

    private static IEnumerable<(string Title, IReadOnlyList<ComplianceRow> Rows, Func<ComplianceRow, string> Name, string TestId)> ComplianceCharts(
        ServiceLevelReport report) =>
    [
        ("department", report.ByDepartment.Where(row => row.Decided > 0).ToList(), row => row.Name, "chart-departments"),
        ("channel", report.ByChannel.Where(row => row.Decided > 0).ToList(), row => DisplayText.Channel(row.Key), "chart-channels"),
        ("priority", report.ByPriority.Where(row => row.Decided > 0).ToList(), row => row.Name, "chart-priorities"),
    ];

    private static string Day(DateTimeOffset at) => at.ToString("d MMM", System.Globalization.CultureInfo.InvariantCulture);

    private async Task ExportAsync()
    {
        _exporting = true;
        try
        {
            var query = Query;
            await using var csv = await ReportsClient.ServiceLevelCsvAsync(query, CancellationToken.None);
            using var stream = new DotNetStreamReference(csv, leaveOpen: true);
            await JS.InvokeVoidAsync("socialEnterprise.download", $"service-levels-{query.From?[..10]}-{query.To?[..10]}.csv", stream);
        }
        catch (HttpRequestException exception)
        {
            Snackbar.Add($"The export failed: {ApiProblemException.ReasonOf(exception)}", Severity.Error);
        }
        finally
        {
            _exporting = false;
        }
    }
}
