namespace SocialEnterprise.Contracts.Routing;

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
