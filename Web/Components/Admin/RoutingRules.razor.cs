using Microsoft.AspNetCore.Components;
using MudBlazor;
using SocialEnterprise.Contracts.Customers;
using SocialEnterprise.Contracts.Listening;
using SocialEnterprise.Contracts.Routing;
using SocialEnterprise.Web.Components.Shared;
using SocialEnterprise.Web.Operations;

namespace SocialEnterprise.Web.Components.Admin;

public partial class RoutingRules
{
    [Inject]
    public required RoutingClient RoutingClient { get; init; }

    [Inject]
    public required ISnackbar Snackbar { get; init; }

    [Inject]
    public required IDialogService Dialogs { get; init; }

    private static readonly DialogOptions DialogOptions = new() { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseOnEscapeKey = true };

    private List<RoutingRuleView>? _rules;
    private readonly LoadState _load = new("The rules");
    private bool _busy;
    private int _refusals;

    private string _dryText = "";
    private string _dryChannel = IngestChannels.X;
    private string _dryKind = MessageKinds.Mention;
    private int? _dryFollowers;
    private string _dryTier = CustomerTiers.Standard;
    private bool _dryBusy;
    private string? _dryError;
    private Dictionary<string, string> _dryErrors = new(StringComparer.OrdinalIgnoreCase);
    private RoutingDryRunResult? _dryResult;

    protected override Task OnInitializedAsync() => LoadAsync();

    private Task LoadAsync() => _load.RunAsync(async () =>
    {
        _rules = [.. await RoutingClient.RoutingRulesAsync(CancellationToken.None)];
    });

    private static string Conditions(RoutingRuleView rule) =>
        rule.Conditions.Count == 0
            ? "always"
            : string.Join(" and ", rule.Conditions.Select(condition => condition.Field switch
            {
                RoutingFields.Influence => $"at least {condition.Values.FirstOrDefault()} followers",
                RoutingFields.BusinessHours => $"{condition.Values.FirstOrDefault()} business hours",
                RoutingFields.Keywords => $"keywords {string.Join(", ", condition.Values.Select(word => $"“{word}”"))}",
                _ => $"{RoutingRuleDialog.FieldName(condition.Field).ToLowerInvariant()} {string.Join(" or ", condition.Values)}",
            }));

    private static string Actions(RoutingRuleView rule) =>
        string.Join(", ", rule.Actions.Select(action => action.Type switch
        {
            RoutingActionTypes.Route => $"route to {action.Department}",
            RoutingActionTypes.SetPriority => $"priority {action.Priority}",
            RoutingActionTypes.AddTags => $"tag {string.Join(", ", action.Tags ?? [])}",
            RoutingActionTypes.ApplySlaPolicy => $"SLA policy {action.SlaPolicy}",
            RoutingActionTypes.Assign => "assign to a person",
            _ => "mark VIP",
        }));

    private Task AddAsync() => OpenAsync(null);

    private Task EditAsync(RoutingRuleView rule) => OpenAsync(rule);

    private async Task OpenAsync(RoutingRuleView? rule)
    {
        var parameters = new DialogParameters<RoutingRuleDialog> { { dialog => dialog.Rule, rule } };
        var dialog = await Dialogs.ShowAsync<RoutingRuleDialog>(rule is null ? "Add a routing rule" : "Edit routing rule", parameters, DialogOptions);
        var result = await dialog.Result;
        if (result is { Canceled: false, Data: RoutingRuleView saved })
        {
            Snackbar.Add(rule is null ? $"Rule added: {saved.Name}" : $"Rule saved: {saved.Name}", Severity.Success);
            await LoadAsync();
        }
    }

    private async Task SwitchAsync(RoutingRuleView rule, bool on)
    {
        _busy = true;
        try
        {
            var saved = await RoutingClient.ChangeRoutingRuleAsync(
                rule.Id, new RoutingRuleRequest(rule.Name, on, [.. rule.Conditions], [.. rule.Actions], rule.StopAfterMatch, rule.Trigger), CancellationToken.None);
            if (_rules?.IndexOf(rule) is { } index and >= 0)
            {
                _rules[index] = saved;
            }

            Snackbar.Add($"{saved.Name} is {(saved.Enabled ? "on" : "off")}.", Severity.Success);
        }
        catch (HttpRequestException exception)
        {
            _refusals++;
            Snackbar.Add($"The rule was not switched {(on ? "on" : "off")}: {ApiProblemException.ReasonOf(exception)}", Severity.Error);
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task MoveAsync(int index, int by)
    {
        if (_rules is null || index + by < 0 || index + by >= _rules.Count)
        {
            return;
        }

        var order = _rules.Select(rule => rule.Id).ToList();
        (order[index], order[index + by]) = (order[index + by], order[index]);
        _busy = true;
        try
        {
            _rules = [.. await RoutingClient.ReorderRoutingRulesAsync(order, CancellationToken.None)];
        }
        catch (HttpRequestException exception)
        {
            Snackbar.Add($"The rules were not reordered: {ApiProblemException.ReasonOf(exception)}", Severity.Error);
            await LoadAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task DeleteAsync(RoutingRuleView rule)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            "Delete rule", $"Delete the routing rule \"{rule.Name}\"? Switching it off keeps it for later instead.", yesText: "Delete", cancelText: "Keep");
        if (confirmed != true)
        {
            return;
        }

        try
        {
            await RoutingClient.DeleteRoutingRuleAsync(rule.Id, CancellationToken.None);
            Snackbar.Add("Rule deleted.", Severity.Success);
            await LoadAsync();
        }
        catch (HttpRequestException exception)
        {
            Snackbar.Add($"The rule was not deleted: {ApiProblemException.ReasonOf(exception)}", Severity.Error);
        }
    }

    private string? DryField(string name) => _dryErrors.GetValueOrDefault(name);

    private async Task DryRunAsync()
    {
        _dryBusy = true;
        _dryError = null;
        _dryErrors.Clear();
        try
        {
            _dryResult = await RoutingClient.DryRunRoutingAsync(
                new RoutingDryRunRequest(_dryText, _dryChannel, _dryKind, _dryFollowers, _dryTier), CancellationToken.None);
        }
        catch (ApiProblemException problem) when (problem.Errors.Count > 0)
        {
            _dryErrors = problem.Errors.ToDictionary(field => field.Key, field => string.Join(" ", field.Value), StringComparer.OrdinalIgnoreCase);
            _dryError = problem.Errors.Keys.Any(field => !field.Equals("text", StringComparison.OrdinalIgnoreCase)) ? problem.Reason : null;
            _dryResult = null;
        }
        catch (HttpRequestException exception)
        {
            _dryError = $"The dry run failed: {ApiProblemException.ReasonOf(exception)}";
            _dryResult = null;
        }
        finally
        {
            _dryBusy = false;
        }
    }
}
