namespace SocialEnterprise.Contracts.Routing;

/// <summary>
/// A condition on a new conversation's first message: <see cref="Field"/> is one of <see cref="RoutingFields"/>;
/// <see cref="Values"/> are the accepted values (one of), the keywords (any of), the minimum followers (one number) or
/// inside/outside (business hours).
/// </summary>
public sealed record RoutingCondition(string Field, IReadOnlyList<string> Values)
{
    public static RoutingCondition Normalised(RoutingCondition condition) => condition with
    {
        Values = [.. condition.Values.Select(value => value.Trim()).Where(value => value.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)],
    };
}

/// <summary>
/// What a matching rule does: <see cref="Type"/> is one of <see cref="RoutingActionTypes"/>, and the field that type
/// needs is set (department, priority, tags, SLA policy, assignee; marking a VIP needs none).
/// </summary>
public sealed record RoutingAction(
    string Type, string? Department = null, string? Priority = null, IReadOnlyList<string>? Tags = null, string? SlaPolicy = null,
    Guid? AssigneeId = null)
{
    public static RoutingAction Normalised(RoutingAction action) => action.Type switch
    {
        RoutingActionTypes.Route => new(action.Type, Department: action.Department?.Trim()),
        RoutingActionTypes.SetPriority => new(action.Type, Priority: action.Priority?.Trim()),
        RoutingActionTypes.AddTags => new(action.Type, Tags: [.. (action.Tags ?? []).Select(RoutingTags.Normalise).Where(tag => tag.Length > 0).Distinct(StringComparer.Ordinal)]),
        RoutingActionTypes.ApplySlaPolicy => new(action.Type, SlaPolicy: action.SlaPolicy?.Trim()),
        RoutingActionTypes.Assign => new(action.Type, AssigneeId: action.AssigneeId),
        RoutingActionTypes.RaisePriority => new(action.Type, Priority: string.IsNullOrWhiteSpace(action.Priority) ? null : action.Priority.Trim()),
        RoutingActionTypes.Reassign or RoutingActionTypes.NotifyManager => new(action.Type, AssigneeId: action.AssigneeId),
        _ => new(action.Type),
    };
}
