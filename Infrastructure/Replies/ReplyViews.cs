using SocialEnterprise.Contracts.Replies;
using SocialEnterprise.Domain.Replies;

namespace SocialEnterprise.Infrastructure.Replies;

/// <summary>The replies records the Api answers with, made from the entities.</summary>
public static class ReplyViews
{
    public static ThreadReplyView ThreadReplyView(Reply reply) => new(
        reply.Id, reply.Kind, reply.Visibility, reply.Text, reply.State, reply.AuthorId, reply.AuthorName, reply.CreatedAt,
        reply.QueuedAt, reply.Attempts, reply.NextAttemptAt, reply.LastError, reply.SentAt, reply.DeliveredAt, reply.FailedAt,
        reply.ApprovalReason, reply.ReviewedByName, reply.RejectionReason);

    public static CsatView CsatView(CsatSurvey survey) =>
        new(survey.Id, survey.ReplyId, survey.SentAt, survey.Score, survey.Comment, survey.AnsweredAt);

    public static ReplyView ReplyView(Reply reply, int conversationVersion) => new(
        reply.Id, reply.ConversationId, reply.Channel, reply.Department, reply.Kind, reply.Visibility, reply.Text, reply.State, reply.AuthorId,
        reply.AuthorName, reply.CreatedAt, reply.ApprovalReason, reply.ReviewedByName, reply.ReviewedAt, reply.RejectionReason,
        reply.InReplyToMessageId, conversationVersion);

    public static DraftView DraftView(ReplyDraft draft) => new(
        draft.ConversationId, draft.Text, draft.Visibility, draft.UpdatedById, draft.UpdatedByName.Length == 0 ? null : draft.UpdatedByName,
        draft.Version == 0 ? null : draft.UpdatedAt, draft.Version, draft.ReturnedBecause);

    public static CannedResponseView CannedResponseView(CannedResponse canned) =>
        new(canned.Id, canned.Name, canned.Text, canned.Department, canned.Shortcut, canned.UpdatedBy, canned.UpdatedAt);
}
