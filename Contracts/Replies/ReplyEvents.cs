using SocialEnterprise.Contracts.Conversations;
using SocialEnterprise.Contracts.Events;

namespace SocialEnterprise.Contracts.Replies;

public sealed record CsatAnswered(
    Guid ConversationId, Guid SurveyId, Guid CustomerId, string Department, Guid? AssigneeId, int Score, DateTimeOffset OccurredAt)
    : DomainEvent(OccurredAt)
{
    public override string StreamId => Conversations.ConversationStream.Of(ConversationId);
}

/// <summary>A reply was written, approved, rejected, sent, delivered or failed: <see cref="State"/> says which.</summary>
public sealed record ReplyStateChanged(
    Guid ConversationId, Guid ReplyId, Guid CustomerId, string Department, string Kind, string State, Guid? AuthorId, string? Detail,
    DateTimeOffset OccurredAt) : DomainEvent(OccurredAt)
{
    public override string StreamId => ConversationStream.Of(ConversationId);
}

/// <summary>Someone saved (or emptied) a conversation's shared reply draft: colleagues looking at it reload it.</summary>
public sealed record ReplyDraftSaved(
    Guid ConversationId, string Department, int DraftVersion, Guid? SavedById, string SavedByName, bool Empty, DateTimeOffset OccurredAt)
    : DomainEvent(OccurredAt)
{
    public override string StreamId => ConversationStream.Of(ConversationId);
}
