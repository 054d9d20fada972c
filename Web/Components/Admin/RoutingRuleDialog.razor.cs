using Microsoft.AspNetCore.Components;
using MudBlazor;
using SocialEnterprise.Contracts.Classification;
using SocialEnterprise.Contracts.Conversations;
using SocialEnterprise.Contracts.Customers;
using SocialEnterprise.Contracts.Listening;
using SocialEnterprise.Contracts.Routing;
using SocialEnterprise.Contracts.Staff;
using SocialEnterprise.Web.Operations;

namespace SocialEnterprise.Web.Components.Admin;

public partial class RoutingRuleDialog
{
    [Inject]
    public required ClassificationClient ClassificationClient { get; init; }

    [Inject]
    public required RoutingClient RoutingClient { get; init; }

    [Inject]
    public required StaffClient StaffClient { get; init; }

    private readonly List<ConditionRow> _conditions = [];
    private readonly List<ActionRow> _actions = [];
    private Dictionary<string, string> _errors = new(StringComparer.OrdinalIgnoreCase);
    private List<StaffMemberView> _staff = [];
    private List<string> _topics = [];
    private string _name = "";
    private bool _enabled = true;
    private bool _stop;
    private string _trigger = RoutingTriggers.Opened;
    private string? _error;
    private bool _busy;

    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = null!;

    /// <summary>The rule to edit; none to add one.</summary>
    [Parameter]
    public RoutingRuleView? Rule { get; set; }

    public static string FieldName(string field) => field switch
    {
        RoutingFields.Channel => "Channel",
        RoutingFields.Kind => "Kind",
        RoutingFields.Type => "Type",
        RoutingFields.Sentiment => "Sentiment",
        RoutingFields.Topic => "Topic",
        RoutingFields.Keywords => "Keywords",
        RoutingFields.CustomerTier => "Customer tier",
        RoutingFields.Influence => "Influence",
        RoutingFields.Language => "Language",
        RoutingFields.BusinessHours => "Business hours",
        EscalationFields.Metric => "Which promise",
        EscalationFields.Department => "Department",
        EscalationFields.Priority => "Priority",
        _ => field,
    };

    public static string ActionName(string type) => type switch
    {
        RoutingActionTypes.Route => "Route to department",
        RoutingActionTypes.SetPriority => "Set priority",
        RoutingActionTypes.AddTags => "Add tags",
        RoutingActionTypes.ApplySlaPolicy => "Apply SLA policy",
        RoutingActionTypes.Assign => "Assign to",
        RoutingActionTypes.MarkVip => "Mark VIP",
        RoutingActionTypes.RaisePriority => "Raise priority",
        RoutingActionTypes.Reassign => "Reassign",
        RoutingActionTypes.NotifyManager => "Notify a manager",
        _ => type,
    };

    public static string TriggerName(string trigger) => trigger switch
    {
        RoutingTriggers.Opened => "A conversation opens (routing)",
        RoutingTriggers.SlaWarning => "An SLA warning fires (80 % used)",
        RoutingTriggers.SlaPredictedBreach => "A breach is predicted",
        RoutingTriggers.SlaBreach => "An SLA is breached",
        _ => trigger,
    };

    private bool Escalating => _trigger != RoutingTriggers.Opened;

    private void TriggerChanged(string trigger)
    {
        if (trigger == _trigger)
        {
            return;
        }

        // Conditions and actions differ between routing and escalation: start the lists afresh.
        _trigger = trigger;
        _conditions.Clear();
        _actions.Clear();
        _actions.Add(new ActionRow { Type = Escalating ? RoutingActionTypes.RaisePriority : RoutingActionTypes.Route });
        _errors.Clear();
    }

    protected override async Task OnInitializedAsync()
    {
        if (Rule is not null)
        {
            _name = Rule.Name;
            _enabled = Rule.Enabled;
            _stop = Rule.StopAfterMatch;
            _trigger = Rule.Trigger;
            _conditions.AddRange(Rule.Conditions.Select(condition => new ConditionRow { Field = condition.Field, Values = [.. condition.Values] }));
            _actions.AddRange(Rule.Actions.Select(ActionRow.From));
        }

        try
        {
            _staff = [.. await StaffClient.StaffAsync(null, CancellationToken.None)];
            _topics = [.. (await ClassificationClient.TopicsAsync(CancellationToken.None)).Select(topic => topic.Key)];
        }
        catch (HttpRequestException exception)
        {
            _error = $"Staff and topics could not be loaded: {ApiProblemException.ReasonOf(exception)}";
        }
    }

    private IReadOnlyList<string>? Choices(string field) => field switch
    {
        RoutingFields.Channel => [.. IngestChannels.All.Order(StringComparer.Ordinal)],
        RoutingFields.Kind => [.. MessageKinds.All.Order(StringComparer.Ordinal)],
        RoutingFields.Type => [.. MessageTypes.All.Order(StringComparer.Ordinal)],
        RoutingFields.Sentiment => [.. SentimentLabels.All.Order(StringComparer.Ordinal)],
        RoutingFields.Topic => [.. _topics, "none"],
        RoutingFields.CustomerTier => [CustomerTiers.Standard, CustomerTiers.Vip],
        RoutingFields.Language => [.. MessageLanguages.Recognised, MessageLanguages.Undetermined],
        EscalationFields.Metric => [.. SocialEnterprise.Contracts.ServiceLevels.ServiceLevelMetrics.All],
        EscalationFields.Department => [.. Departments.Standard.Select(d => d.Id)],
        EscalationFields.Priority => [.. Priorities.All],
        _ => null,
    };

    private string? Field(string name) => _errors.GetValueOrDefault(name);

    private string StaffName(Guid? id) => id is { } staffId ? _staff.FirstOrDefault(member => member.Id == staffId)?.DisplayName ?? staffId.ToString() : "";

    private static int Followers(ConditionRow row) =>
        row.Values.Count > 0 && int.TryParse(row.Values[0], System.Globalization.CultureInfo.InvariantCulture, out var followers) ? followers : 0;

    private static List<string> Split(string? text) =>
        [.. (text ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];

    private void AddCondition() => _conditions.Add(new ConditionRow { Field = Escalating ? EscalationFields.Metric : RoutingFields.Keywords });

    private void AddAction() => _actions.Add(new ActionRow { Type = Escalating ? RoutingActionTypes.RaisePriority : RoutingActionTypes.Route });

    private void RemoveCondition(ConditionRow row)
    {
        _conditions.Remove(row);
        _errors.Clear();
    }

    private void FieldChanged(ConditionRow row, string field)
    {
        row.Field = field;
        row.Values = field == RoutingFields.Influence ? ["10000"] : field == RoutingFields.BusinessHours ? [BusinessHoursStates.Outside] : [];
    }

    private void ValuesChanged(ConditionRow row, int index, IEnumerable<string?>? values)
    {
        row.Values = [.. (values ?? []).OfType<string>()];
        _errors.Remove($"conditions[{index}].values");
    }

    private void TypeChanged(ActionRow row, string type) => row.Type = type;

    private void Cancel() => Dialog.Cancel();

    private async Task SaveAsync()
    {
        _busy = true;
        _error = null;
        var request = new RoutingRuleRequest(
            _name.Trim(), _enabled, [.. _conditions.Select(row => new RoutingCondition(row.Field, row.Values))],
            [.. _actions.Select(row => row.ToAction())], _stop, _trigger);
        try
        {
            var saved = Rule is null
                ? await RoutingClient.CreateRoutingRuleAsync(request, CancellationToken.None)
                : await RoutingClient.ChangeRoutingRuleAsync(Rule.Id, request, CancellationToken.None);
            Dialog.Close(DialogResult.Ok(saved));
        }
        catch (ApiProblemException problem) when (problem.Errors.Count > 0)
        {
            _errors = problem.Errors.ToDictionary(field => field.Key, field => string.Join(" ", field.Value), StringComparer.OrdinalIgnoreCase);
            _error = "The rule was not saved: see the fields marked.";
        }
        catch (HttpRequestException exception)
        {
            _error = $"The rule was not saved: {ApiProblemException.ReasonOf(exception)}";
        }
        finally
        {
            _busy = false;
        }
    }

    private sealed class ConditionRow
    {
        public string Field { get; set; } = RoutingFields.Keywords;

        public List<string> Values { get; set; } = [];
    }

    private sealed class ActionRow
    {
        public string Type { get; set; } = RoutingActionTypes.Route;

        public string? Department { get; set; }

        public string? Priority { get; set; }

        public string? Tags { get; set; }

        public string? SlaPolicy { get; set; }

        public Guid? AssigneeId { get; set; }

        public static ActionRow From(RoutingAction action) => new()
        {
            Type = action.Type,
            Department = action.Department,
            Priority = action.Priority,
            Tags = action.Tags is { } tags ? string.Join(", ", tags) : null,
            SlaPolicy = action.SlaPolicy,
            AssigneeId = action.AssigneeId,
        };

        public RoutingAction ToAction() => Type switch
        {
            RoutingActionTypes.Route => new(Type, Department: Department),
            RoutingActionTypes.SetPriority => new(Type, Priority: Priority),
            RoutingActionTypes.AddTags => new(Type, Tags: Split(Tags)),
            RoutingActionTypes.ApplySlaPolicy => new(Type, SlaPolicy: SlaPolicy?.Trim()),
            RoutingActionTypes.Assign => new(Type, AssigneeId: AssigneeId),
            RoutingActionTypes.RaisePriority => new(Type, Priority: Priority),
            RoutingActionTypes.Reassign or RoutingActionTypes.NotifyManager => new(Type, AssigneeId: AssigneeId),
            _ => new(Type),
        };
    }
}
