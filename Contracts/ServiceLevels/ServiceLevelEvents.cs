using SocialEnterprise.Contracts.Conversations;
using SocialEnterprise.Contracts.Events;

namespace SocialEnterprise.Contracts.ServiceLevels;

/// <summary>80 % of a clock's window is used: the promise is at risk.</summary>
public sealed record ServiceLevelWarning(
    Guid ConversationId, Guid ClockId, Guid? ConsultId, string Metric, string Department, Guid? AssigneeId, DateTimeOffset DueAt,
    DateTimeOffset OccurredAt) : DomainEvent(OccurredAt)
{
    public override string StreamId => ConversationStream.Of(ConversationId);
}

/// <summary>Half a clock's window is used and nobody available holds the conversation: a breach is predicted.</summary>
public sealed record ServiceLevelBreachPredicted(
    Guid ConversationId, Guid ClockId, Guid? ConsultId, string Metric, string Department, Guid? AssigneeId, DateTimeOffset DueAt,
    string Reason, DateTimeOffset OccurredAt) : DomainEvent(OccurredAt)
{
    public override string StreamId => ConversationStream.Of(ConversationId);
}

/// <summary>A clock reached its due moment still running: the promise is broken.</summary>
public sealed record ServiceLevelBreached(
    Guid ConversationId, Guid ClockId, Guid? ConsultId, string Metric, string Department, Guid? AssigneeId, DateTimeOffset DueAt,
    DateTimeOffset OccurredAt) : DomainEvent(OccurredAt)
{
    public override string StreamId => ConversationStream.Of(ConversationId);
}

/// <summary>An escalation rule acted on a conversation: who/what/why in <see cref="Description"/>.</summary>
public sealed record ConversationEscalated(
    Guid ConversationId, string Department, Guid RuleId, string RuleName, int RulePosition, string Trigger, string Metric, string Action,
    string Description, DateTimeOffset OccurredAt) : DomainEvent(OccurredAt)
{
    public override string StreamId => ConversationStream.Of(ConversationId);
}
