using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.JSInterop;
using MudBlazor;
using SocialEnterprise.Contracts.Reports;
using SocialEnterprise.Contracts.ServiceLevels;
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
    private const string AllDepartmentsText = "All departments";
    private static readonly int[] Presets = [7, 30, 90];
    private static readonly string[] ScoreLabels = ["1", "2", "3", "4", "5"];
    private static readonly LineChartOptions LineOptions = new() { YAxisTicks = 1, ClampToZero = true };
    private static readonly BarChartOptions BarOptions = new() { ShowLegend = false, YAxisSuggestedMax = 100 };
    private static readonly BarChartOptions CountOptions = new() { ShowLegend = false };

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
    private string? _scope;
    private IReadOnlyList<string> _departments = [];
    private Dictionary<string, string> _agents = new(StringComparer.Ordinal);
    private List<ChartSeries<double>> _breachSeries = [];
    private List<ChartSeries<double>> _volumeSeries = [];
    private string[] _timeLabels = [];

    [CascadingParameter]
    private Task<AuthenticationState>? Authentication { get; set; }

    protected override async Task OnInitializedAsync()
    {
        var staff = Authentication is null ? null : StaffMember.From((await Authentication).User);
        if (staff is { IsAdmin: true })
        {
            _departments = [.. Departments.Standard.Select(d => d.Id)];
        }
        else
        {
            _departments = staff?.Departments ?? [];
            _scope = _departments.Count == 0 ? null : $"You see {string.Join(", ", _departments.Select(ReportText.Department))}.";
        }

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
                Chart(report);
            });
    }

    private void Chart(ServiceLevelReport report)
    {
        var format = report.Bucket == "hour" ? "HH:mm" : "MMM d";
        _timeLabels = [.. report.Breaches.Buckets.Select(at => TimeZoneInfo.ConvertTime(at, Time.LocalTimeZone).ToString(format, System.Globalization.CultureInfo.InvariantCulture))];
        _breachSeries = [.. report.Breaches.Series.Where(series => series.Total > 0).Select(series => new ChartSeries<double>
        {
            Name = ServiceLevelMetrics.NameOf(series.Key),
            Data = series.Counts.Select(count => (double)count).ToArray(),
        })];
        _volumeSeries = [.. report.Volume.Series.Where(series => series.Total > 0).Select(series => new ChartSeries<double>
        {
            Name = series.Key,
            Data = series.Counts.Select(count => (double)count).ToArray(),
        })];
        if (_agent is null)
        {
            _agents = report.Agents.Where(agent => agent.AgentId is not null)
                .ToDictionary(agent => agent.Compliance.Key, agent => agent.Name, StringComparer.Ordinal);
        }
    }

    private static IEnumerable<(string Title, IReadOnlyList<ComplianceRow> Rows, string TestId)> ComplianceCharts(ServiceLevelReport report) =>
    [
        ("department", report.ByDepartment.Where(row => row.Decided > 0).ToList(), "chart-departments"),
        ("channel", report.ByChannel.Where(row => row.Decided > 0).ToList(), "chart-channels"),
        ("priority", report.ByPriority.Where(row => row.Decided > 0).ToList(), "chart-priorities"),
    ];

    private static string Day(DateTimeOffset at) => at.ToString("MMM d", System.Globalization.CultureInfo.InvariantCulture);

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
