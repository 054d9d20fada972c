using Microsoft.AspNetCore.Components;
using MudBlazor;
using SocialEnterprise.Contracts.ServiceLevels;
using SocialEnterprise.Web.Components.Shared;
using SocialEnterprise.Web.Operations;

namespace SocialEnterprise.Web.Components.Admin;

public partial class ServiceLevels
{
    [Inject]
    public required ServiceLevelsClient ServiceLevelsClient { get; init; }

    [Inject]
    public required ISnackbar Snackbar { get; init; }

    private IReadOnlyList<SlaPolicyView>? _policies;
    private IReadOnlyList<SlaCalendarView>? _calendars;
    private PolicyForm? _policy;
    private CalendarForm? _calendar;
    private List<string> _problems = [];
    private readonly LoadState _load = new("The service levels");
    private bool _busy;

    protected override Task OnInitializedAsync() => LoadAsync();

    private Task LoadAsync() => _load.RunAsync(async () =>
    {
        _policies = await ServiceLevelsClient.SlaPoliciesAsync(CancellationToken.None);
        _calendars = await ServiceLevelsClient.SlaCalendarsAsync(CancellationToken.None);
    });

    private static string Summary(SlaPolicyView policy, string priority)
    {
        string Of(string metric) => policy.Targets.FirstOrDefault(t => t.Metric == metric && t.Priority == priority && t.Channel is null) is { } target
            ? ServiceLevelText.Duration(target.Target) : "–";
        return $"{Of(ServiceLevelMetrics.FirstResponse)} / {Of(ServiceLevelMetrics.NextResponse)} / {Of(ServiceLevelMetrics.Resolution)}";
    }

    private void EditPolicy(SlaPolicyView? policy)
    {
        _problems = [];
        _calendar = null;
        _policy = new PolicyForm
        {
            Existing = policy?.Name,
            Name = policy?.Name ?? "",
            Description = policy?.Description ?? "",
            Calendar = policy?.Calendar ?? SlaCalendarNames.AroundTheClock,
            Targets = (policy?.Targets ?? []).Where(t => t.Channel is null).ToDictionary(t => (t.Metric, t.Priority), t => (string?)ServiceLevelText.Duration(t.Target)),
            Overrides = string.Join('\n', (policy?.Targets ?? []).Where(t => t.Channel is not null).Select(t => $"{t.Metric} {t.Priority} {t.Channel} {ServiceLevelText.Duration(t.Target)}")),
            Olas = string.Join('\n', (policy?.Olas ?? []).Select(o => $"{o.Department} {ServiceLevelText.Duration(o.Target)}")),
        };
    }

    private void EditCalendar(SlaCalendarView? calendar)
    {
        _problems = [];
        _policy = null;
        _calendar = new CalendarForm
        {
            Existing = calendar?.Name,
            Name = calendar?.Name ?? "",
            TimeZone = calendar?.TimeZone ?? "Europe/Berlin",
            Hours = calendar is null ? "Mon 09:00-17:00\nTue 09:00-17:00\nWed 09:00-17:00\nThu 09:00-17:00\nFri 09:00-17:00" : ServiceLevelText.Hours(calendar.Hours),
            Holidays = calendar is null ? "" : ServiceLevelText.Holidays(calendar.Holidays),
        };
    }

    private async Task SavePolicyAsync()
    {
        if (_policy is not { } form)
        {
            return;
        }

        _problems = [];
        var targets = new List<SlaTarget>();
        foreach (var ((metric, priority), text) in form.Targets)
        {
            if (ServiceLevelText.ParseDuration(text) is { } target)
            {
                targets.Add(new SlaTarget(metric, priority, target));
            }
            else if (!string.IsNullOrWhiteSpace(text))
            {
                _problems.Add($"{metric} {priority}: “{text}” is not a duration such as 4h, 30m or 1d.");
            }
        }

        foreach (var (line, number) in (form.Overrides ?? "").Split('\n').Select((line, index) => (line.Trim(), index + 1)).Where(l => l.Item1.Length > 0))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 4 && ServiceLevelText.ParseDuration(parts[3]) is { } target)
            {
                targets.Add(new SlaTarget(parts[0], parts[1], target, parts[2]));
            }
            else
            {
                _problems.Add($"Per-channel line {number}: write metric priority channel target, e.g. first-response urgent chat 15m.");
            }
        }

        var olas = new List<DepartmentOla>();
        foreach (var (line, number) in (form.Olas ?? "").Split('\n').Select((line, index) => (line.Trim(), index + 1)).Where(l => l.Item1.Length > 0))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 2 && ServiceLevelText.ParseDuration(parts[1]) is { } target)
            {
                olas.Add(new DepartmentOla(parts[0], target));
            }
            else
            {
                _problems.Add($"OLA line {number}: write department target, e.g. legal 2h.");
            }
        }

        if (_problems.Count > 0)
        {
            return;
        }

        await SaveAsync(
            () => ServiceLevelsClient.SaveSlaPolicyAsync(form.Existing, new SlaPolicyRequest(form.Name, form.Description, form.Calendar, targets, olas), CancellationToken.None),
            () => _policy = null);
    }

    private async Task SaveCalendarAsync()
    {
        if (_calendar is not { } form)
        {
            return;
        }

        var (hours, badHours) = ServiceLevelText.ParseHours(form.Hours);
        var (holidays, badHolidays) = ServiceLevelText.ParseHolidays(form.Holidays);
        _problems = [.. badHours.Select(line => $"Open hours line {line}: write a day and a span, e.g. Mon 09:00-17:00."),
                     .. badHolidays.Select(line => $"Holidays line {line}: write a date first, e.g. 2026-12-25 Christmas Day.")];
        if (_problems.Count > 0)
        {
            return;
        }

        await SaveAsync(
            () => ServiceLevelsClient.SaveSlaCalendarAsync(form.Existing, new SlaCalendarRequest(form.Name, form.TimeZone, hours, holidays), CancellationToken.None),
            () => _calendar = null);
    }

    private async Task SaveAsync<T>(Func<Task<T>> save, Action close)
    {
        _busy = true;
        try
        {
            await save();
            close();
            Snackbar.Add("Saved.", Severity.Success);
            await LoadAsync();
        }
        catch (ApiProblemException problem) when (problem.Errors.Count > 0)
        {
            _problems = [.. problem.Errors.Select(field => $"{field.Key}: {string.Join(" ", field.Value)}")];
        }
        catch (HttpRequestException exception)
        {
            _problems = [$"Not saved: {ApiProblemException.ReasonOf(exception)}"];
        }
        finally
        {
            _busy = false;
        }
    }

    private sealed class PolicyForm
    {
        public string? Existing { get; init; }

        public string Name { get; set; } = "";

        public string Description { get; set; } = "";

        public string Calendar { get; set; } = SlaCalendarNames.AroundTheClock;

        public Dictionary<(string Metric, string Priority), string?> Targets { get; init; } = [];

        public string? Overrides { get; set; }

        public string? Olas { get; set; }
    }

    private sealed class CalendarForm
    {
        public string? Existing { get; init; }

        public string Name { get; set; } = "";

        public string TimeZone { get; set; } = "";

        public string? Hours { get; set; }

        public string? Holidays { get; set; }
    }
}
