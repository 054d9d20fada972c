namespace SocialEnterprise.Domain.Routing;

/// <summary>
/// One rule of the routing engine, edited by admins: when all its conditions hold for a new conversation, its actions
/// decide where the conversation goes and how it is treated. Rules are tried in <see cref="Position"/> order.
/// </summary>
public sealed class RoutingRule
{
    public const int MaxNameLength = 120;

    private RoutingRule()
    {
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>1 for the first rule tried; the reason a rule gives names it by this number (#2).</summary>
    public int Position { get; private set; }

    public bool Enabled { get; private set; }

    public List<RoutingCondition> Conditions { get; private set; } = [];

    public List<RoutingAction> Actions { get; private set; } = [];

    /// <summary>When the rule matches, no later rule is tried.</summary>
    public bool StopAfterMatch { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public string CreatedBy { get; private set; } = "";

    public DateTimeOffset ChangedAt { get; private set; }

    public string ChangedBy { get; private set; } = "";

    /// <summary>When the rule is tried: one of <see cref="RoutingTriggers"/> (a new conversation, or a clock's warning, predicted breach or breach).</summary>
    public string Trigger { get; private set; } = RoutingTriggers.Opened;

    /// <summary>Sets when the rule is tried (separate from <see cref="New"/> and <see cref="Change"/>, whose callers predate triggers).</summary>
    public void TriggerOn(string trigger) => Trigger = trigger;

    public static RoutingRule New(
        string name, int position, bool enabled, IEnumerable<RoutingCondition> conditions, IEnumerable<RoutingAction> actions,
        bool stopAfterMatch, string by, DateTimeOffset now, Guid? id = null) => new()
    {
        Id = id ?? Guid.CreateVersion7(now),
        Name = name.Trim(),
        Position = position,
        Enabled = enabled,
        Conditions = [.. conditions.Select(RoutingCondition.Normalised)],
        Actions = [.. actions.Select(RoutingAction.Normalised)],
        StopAfterMatch = stopAfterMatch,
        CreatedAt = now,
        CreatedBy = by,
        ChangedAt = now,
        ChangedBy = by,
    };

    public void Change(
        string name, bool enabled, IEnumerable<RoutingCondition> conditions, IEnumerable<RoutingAction> actions, bool stopAfterMatch,
        string by, DateTimeOffset now)
    {
        Name = name.Trim();
        Enabled = enabled;
        Conditions = [.. conditions.Select(RoutingCondition.Normalised)];
        Actions = [.. actions.Select(RoutingAction.Normalised)];
        StopAfterMatch = stopAfterMatch;
        ChangedAt = now;
        ChangedBy = by;
    }

    public void MoveTo(int position, string by, DateTimeOffset now)
    {
        if (Position == position)
        {
            return;
        }

        Position = position;
        ChangedAt = now;
        ChangedBy = by;
    }
}

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

public static class RoutingFields
{
    public const string Channel = "channel";
    public const string Kind = "kind";
    public const string Type = "type";
    public const string Sentiment = "sentiment";
    public const string Topic = "topic";
    public const string Keywords = "keywords";
    public const string CustomerTier = "customer-tier";
    public const string Influence = "influence";
    public const string Language = "language";
    public const string BusinessHours = "business-hours";

    public static readonly IReadOnlyList<string> All =
        [Channel, Kind, Type, Sentiment, Topic, Keywords, CustomerTier, Influence, Language, BusinessHours];
}

public static class BusinessHoursStates
{
    public const string Inside = "inside";
    public const string Outside = "outside";

    public static readonly IReadOnlyList<string> All = [Inside, Outside];
}

public static class RoutingActionTypes
{
    public const string Route = "route";
    public const string SetPriority = "set-priority";
    public const string AddTags = "add-tags";
    public const string ApplySlaPolicy = "apply-sla-policy";
    public const string Assign = "assign";
    public const string MarkVip = "mark-vip";

    public static readonly IReadOnlyList<string> All = [Route, SetPriority, AddTags, ApplySlaPolicy, Assign, MarkVip];

    /// <summary>Escalation: one priority step up, or to <see cref="RoutingAction.Priority"/> when given (never down).</summary>
    public const string RaisePriority = "raise-priority";

    /// <summary>Escalation: to <see cref="RoutingAction.AssigneeId"/>, or (none given) the least-loaded available member of the department.</summary>
    public const string Reassign = "reassign";

    /// <summary>Escalation: tells <see cref="RoutingAction.AssigneeId"/>, or (none given) the department's managers.</summary>
    public const string NotifyManager = "notify-manager";

    /// <summary>What a rule tried on a clock's moment may do.</summary>
    public static readonly IReadOnlyList<string> Escalations = [RaisePriority, Reassign, NotifyManager];
}

/// <summary>When a rule is tried.</summary>
public static class RoutingTriggers
{
    /// <summary>A new conversation (routing).</summary>
    public const string Opened = "conversation-opened";

    public const string SlaWarning = "sla-warning";

    public const string SlaPredictedBreach = "sla-predicted-breach";

    public const string SlaBreach = "sla-breach";

    public static readonly IReadOnlyList<string> All = [Opened, SlaWarning, SlaPredictedBreach, SlaBreach];

    public static readonly IReadOnlyList<string> Escalations = [SlaWarning, SlaPredictedBreach, SlaBreach];
}

/// <summary>What escalation rules (triggered by a clock) may test, besides channel, type, sentiment, topic and language.</summary>
public static class EscalationFields
{
    /// <summary>Which promise: first-response, next-response, resolution or consult.</summary>
    public const string Metric = "sla-metric";

    public const string Department = "department";

    public const string Priority = "priority";

    public static readonly IReadOnlyList<string> All =
        [Metric, Department, Priority, RoutingFields.Channel, RoutingFields.Type, RoutingFields.Sentiment, RoutingFields.Topic, RoutingFields.Language];
}

public static class RoutingTags
{
    public const int MaxLength = 40;

    /// <summary>Tags are kept in lower case without surrounding spaces or a leading #.</summary>
    public static string Normalise(string tag) => tag.Trim().TrimStart('#').Trim().ToLowerInvariant();
}
