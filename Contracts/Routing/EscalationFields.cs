namespace SocialEnterprise.Contracts.Routing;

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
