using System.Globalization;
using SocialEnterprise.Contracts.Classification;
using SocialEnterprise.Contracts.Conversations;
using SocialEnterprise.Contracts.Customers;
using SocialEnterprise.Contracts.Listening;
using SocialEnterprise.Contracts.Routing;
using SocialEnterprise.Contracts.ServiceLevels;

namespace SocialEnterprise.Domain.Routing;

public static class RoutingRuleValidation
{
    public const int MaxConditions = 20;
    public const int MaxActions = 20;
    public const int MaxValues = 50;
    public const int MaxValueLength = 100;

    /// <summary>What is wrong with a rule as written, field by field (<c>conditions[2].values</c>, <c>actions[0].department</c>); empty when it can be saved.</summary>
    public static Dictionary<string, string[]> Validate(RoutingRuleRequest request, RoutingVocabulary vocabulary)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(request.Name))
        {
            errors["name"] = ["Required."];
        }
        else if (request.Name.Trim().Length > RoutingRuleLimits.MaxNameLength)
        {
            errors["name"] = [$"At most {RoutingRuleLimits.MaxNameLength} characters."];
        }

        var trigger = request.Trigger?.Trim() is { Length: > 0 } given ? given : RoutingTriggers.Opened;
        if (!RoutingTriggers.All.Contains(trigger))
        {
            errors["trigger"] = [$"One of: {string.Join(", ", RoutingTriggers.All)}."];
            return errors;
        }

        var escalation = trigger != RoutingTriggers.Opened;
        var conditions = request.Conditions ?? [];
        if (conditions.Count > MaxConditions)
        {
            errors["conditions"] = [$"At most {MaxConditions} conditions."];
        }

        for (var index = 0; index < conditions.Count; index++)
        {
            ValidateCondition(errors, $"conditions[{index}]", conditions[index], vocabulary, escalation);
        }

        var actions = request.Actions ?? [];
        if (actions.Count == 0)
        {
            errors["actions"] = ["At least one action: a rule that does nothing cannot be saved."];
        }
        else if (actions.Count > MaxActions)
        {
            errors["actions"] = [$"At most {MaxActions} actions."];
        }

        var routedTo = actions.FirstOrDefault(action => action?.Type == RoutingActionTypes.Route)?.Department?.Trim();
        for (var index = 0; index < actions.Count; index++)
        {
            ValidateAction(errors, $"actions[{index}]", actions[index], routedTo, vocabulary, escalation);
        }

        return errors;
    }

    private static void ValidateCondition(
        Dictionary<string, string[]> errors, string at, RoutingCondition? condition, RoutingVocabulary vocabulary, bool escalation)
    {
        var fields = escalation ? EscalationFields.All : RoutingFields.All;
        if (condition is null || !fields.Contains(condition.Field))
        {
            errors[$"{at}.field"] = [$"One of: {string.Join(", ", fields)}" + (escalation ? " (for a rule tried on a clock's moment)." : ".")];
            return;
        }

        var values = (condition.Values ?? []).Select(value => value?.Trim() ?? "").Where(value => value.Length > 0).ToList();
        var key = $"{at}.values";
        if (values.Count == 0)
        {
            errors[key] = ["At least one value."];
            return;
        }

        if (values.Count > MaxValues || values.Any(value => value.Length > MaxValueLength))
        {
            errors[key] = [$"At most {MaxValues} values of at most {MaxValueLength} characters each."];
            return;
        }

        IEnumerable<string>? allowed = condition.Field switch
        {
            RoutingFields.Channel => IngestChannels.All,
            RoutingFields.Kind => MessageKinds.All,
            RoutingFields.Type => MessageTypes.All,
            RoutingFields.Sentiment => SentimentLabels.All,
            RoutingFields.Topic => [.. vocabulary.Topics, "none"],
            RoutingFields.CustomerTier => [CustomerTiers.Standard, CustomerTiers.Vip],
            RoutingFields.Language => [.. MessageLanguages.Recognised, MessageLanguages.Undetermined],
            RoutingFields.BusinessHours => BusinessHoursStates.All,
            EscalationFields.Metric => ServiceLevelMetrics.All,
            EscalationFields.Department => vocabulary.Departments,
            EscalationFields.Priority => Priorities.All,
            _ => null,
        };
        if (allowed is not null)
        {
            var known = allowed.ToList();
            if (values.FirstOrDefault(value => !known.Contains(value, StringComparer.OrdinalIgnoreCase)) is { } unknown)
            {
                errors[key] = [$"“{unknown}” is not one of: {string.Join(", ", known.Order(StringComparer.Ordinal))}."];
            }
            else if (condition.Field == RoutingFields.BusinessHours && values.Count != 1)
            {
                errors[key] = ["Either inside or outside."];
            }

            return;
        }

        if (condition.Field == RoutingFields.Influence
            && (values.Count != 1 || !int.TryParse(values[0], NumberStyles.None, CultureInfo.InvariantCulture, out _)))
        {
            errors[key] = ["One whole number of followers, 0 or more."];
        }
    }

    private static void ValidateAction(
        Dictionary<string, string[]> errors, string at, RoutingAction? action, string? routedTo, RoutingVocabulary vocabulary, bool escalation)
    {
        var types = escalation ? RoutingActionTypes.Escalations : RoutingActionTypes.All;
        if (action is null || !types.Contains(action.Type))
        {
            errors[$"{at}.type"] = [$"One of: {string.Join(", ", types)}"
                + (escalation ? " (for a rule tried on a clock's moment)." : " (escalations are for rules tried on a clock's moment).")];
            return;
        }

        switch (action.Type)
        {
            case RoutingActionTypes.Route when action.Department?.Trim() is not { Length: > 0 } department || !vocabulary.Departments.Contains(department):
                errors[$"{at}.department"] = [$"One of the departments: {string.Join(", ", vocabulary.Departments.Order(StringComparer.Ordinal))}."];
                break;
            case RoutingActionTypes.SetPriority when action.Priority is null || !Priorities.All.Contains(action.Priority.Trim()):
                errors[$"{at}.priority"] = [$"One of: {string.Join(", ", Priorities.All)}."];
                break;
            case RoutingActionTypes.AddTags:
                var tags = (action.Tags ?? []).Select(tag => RoutingTags.Normalise(tag ?? "")).ToList();
                if (tags.Count == 0 || tags.Any(tag => tag.Length == 0))
                {
                    errors[$"{at}.tags"] = ["At least one tag, none empty."];
                }
                else if (tags.Count > MaxValues || tags.Any(tag => tag.Length > RoutingTags.MaxLength))
                {
                    errors[$"{at}.tags"] = [$"At most {MaxValues} tags of at most {RoutingTags.MaxLength} characters each."];
                }

                break;
            case RoutingActionTypes.ApplySlaPolicy when action.SlaPolicy?.Trim() is not { Length: > 0 } policy || !vocabulary.SlaPolicies.Contains(policy, StringComparer.Ordinal):
                errors[$"{at}.slaPolicy"] = [$"One of the SLA policies: {string.Join(", ", vocabulary.SlaPolicies)}."];
                break;
            case RoutingActionTypes.RaisePriority when action.Priority is { } raised && !Priorities.All.Contains(raised.Trim()):
                errors[$"{at}.priority"] = [$"Empty for one step up, or one of: {string.Join(", ", Priorities.All)}."];
                break;
            case RoutingActionTypes.Reassign or RoutingActionTypes.NotifyManager
                when action.AssigneeId is { } named && !vocabulary.StaffDepartments.ContainsKey(named):
                errors[$"{at}.assigneeId"] = ["A staff member, or empty for " + (action.Type == RoutingActionTypes.Reassign
                    ? "the least-loaded available member of the department." : "the department's managers.")];
                break;
            case RoutingActionTypes.Assign:
                if (action.AssigneeId is not { } assignee || !vocabulary.StaffDepartments.TryGetValue(assignee, out var departments))
                {
                    errors[$"{at}.assigneeId"] = ["A staff member."];
                }
                else if (routedTo is not null && !departments.Contains(routedTo))
                {
                    errors[$"{at}.assigneeId"] = [$"A member of the {routedTo} department, where the rule routes."];
                }

                break;
        }
    }
}
