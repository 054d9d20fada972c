using SocialEnterprise.Contracts.Events;

namespace SocialEnterprise.Contracts.Conversations;

public sealed record ConversationOpened(
    Guid ConversationId, Guid CustomerId, string Channel, string Department, string Type, string Priority, string Preview,
    DateTimeOffset OccurredAt) : DomainEvent(OccurredAt)
{
    public override string StreamId => ConversationStream.Of(ConversationId);
}

public sealed record MessageReceived(
    Guid ConversationId, Guid MessageId, Guid CustomerId, string Channel, string Department, string Preview, string Type,
    string Sentiment, DateTimeOffset OccurredAt) : DomainEvent(OccurredAt)
{
    public override string StreamId => ConversationStream.Of(ConversationId);
}

public sealed record ConversationStatusChanged(
    Guid ConversationId, string Department, string From, string To, string By, DateTimeOffset OccurredAt) : DomainEvent(OccurredAt)
{
    public override string StreamId => ConversationStream.Of(ConversationId);
}

public sealed record ConversationAssigned(
    Guid ConversationId, string Department, Guid? PreviousAssigneeId, Guid? AssigneeId, string? AssigneeName, string By,
    DateTimeOffset OccurredAt, string? Reason = null) : DomainEvent(OccurredAt)
{
    public override string StreamId => ConversationStream.Of(ConversationId);
}

/// <summary>A reply to the customer joined the outbound queue (approved, if it needed approval).</summary>
public sealed record ConversationReplied(
    Guid ConversationId, Guid ReplyId, Guid CustomerId, string Department, Guid? AuthorId, string AuthorName, string Visibility,
    DateTimeOffset OccurredAt) : DomainEvent(OccurredAt)
{
    public override string StreamId => ConversationStream.Of(ConversationId);
}

/// <summary>The conversation's priority changed (an escalation rule raised it), with who and why in words.</summary>
public sealed record ConversationPriorityChanged(
    Guid ConversationId, string Department, string From, string To, string By, string Reason, DateTimeOffset OccurredAt) : DomainEvent(OccurredAt)
{
    public override string StreamId => ConversationStream.Of(ConversationId);
}

/// <summary>Nobody in the department had room: the conversation waits in its queue.</summary>
public sealed record ConversationQueued(
    Guid ConversationId, string Department, string Priority, string Reason, DateTimeOffset OccurredAt) : DomainEvent(OccurredAt)
{
    public override string StreamId => ConversationStream.Of(ConversationId);
}

public static class ConversationStream
{
    public static string Of(Guid conversationId) => $"conversation/{conversationId:N}";
}

public sealed record NoteAdded(
    Guid ConversationId, Guid NoteId, Guid CustomerId, string Department, string AuthorName, string AuthorDepartment, DateTimeOffset OccurredAt)
    : DomainEvent(OccurredAt)
{
    public override string StreamId => ConversationStream.Of(ConversationId);
}
