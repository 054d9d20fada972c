using SocialEnterprise.Contracts.Conversations;
using SocialEnterprise.Contracts.Events;

namespace SocialEnterprise.Contracts.Collaboration;

public static class ConsultStream
{
    /// <summary>Consult events belong to their conversation's stream, so that the conversation page reloads on them.</summary>
    public static string Of(Guid conversationId) => ConversationStream.Of(conversationId);
}

public sealed record ConsultRequested(
    Guid ConsultId, Guid ConversationId, string Department, string RequesterDepartment, string TargetDepartment, Guid RequestedById,
    string RequestedByName, string Question, string Priority, DateTimeOffset DueAt, DateTimeOffset OccurredAt) : DomainEvent(OccurredAt)
{
    public override string StreamId => ConsultStream.Of(ConversationId);
}

public sealed record ConsultAccepted(
    Guid ConsultId, Guid ConversationId, string RequesterDepartment, string TargetDepartment, Guid RequestedById, string AcceptedBy,
    DateTimeOffset OccurredAt) : DomainEvent(OccurredAt)
{
    public override string StreamId => ConsultStream.Of(ConversationId);
}

public sealed record ConsultAnswered(
    Guid ConsultId, Guid ConversationId, string RequesterDepartment, string TargetDepartment, Guid RequestedById, string AnsweredBy,
    string Answer, DateTimeOffset OccurredAt) : DomainEvent(OccurredAt)
{
    public override string StreamId => ConsultStream.Of(ConversationId);
}

public sealed record ConsultDeclined(
    Guid ConsultId, Guid ConversationId, string RequesterDepartment, string TargetDepartment, Guid RequestedById, string DeclinedBy,
    string Reason, DateTimeOffset OccurredAt) : DomainEvent(OccurredAt)
{
    public override string StreamId => ConsultStream.Of(ConversationId);
}

/// <summary>A notification for one staff member: their bell reloads, nobody else's.</summary>
public sealed record StaffNotified(Guid NotificationId, Guid RecipientId, string Kind, DateTimeOffset OccurredAt) : DomainEvent(OccurredAt)
{
    public override string StreamId => StaffStream.Of(RecipientId);
}

public static class StaffStream
{
    public static string Of(Guid staffId) => $"staff/{staffId:N}";
}
