namespace SocialEnterprise.Contracts.Routing;

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
