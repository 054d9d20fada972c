using SocialEnterprise.Contracts.Routing;

namespace SocialEnterprise.Domain.Routing;

/// <summary>
/// One rule of the routing engine, edited by admins: when all its conditions hold for a new conversation, its actions
/// decide where the conversation goes and how it is treated. Rules are tried in <see cref="Position"/> order.
/// </summary>
public sealed class RoutingRule
{
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
