using SocialEnterprise.Contracts.Replies;
using SocialEnterprise.Domain.Events;

namespace SocialEnterprise.Domain.Replies;

/// <summary>
/// The one-question satisfaction survey ("How satisfied are you with our answer? 1–5") sent through the channel after a
/// conversation is resolved, and the customer's answer. Reports group answers by the conversation's department,
/// assignee, channel and priority as they were at resolution.
/// </summary>
public sealed class CsatSurvey : EventSource
{
    public const int MinScore = 1;

    public const int MaxCommentLength = 2000;

    private CsatSurvey()
    {
    }

    public Guid Id { get; private set; }

    public Guid ConversationId { get; private set; }

    public Guid CustomerId { get; private set; }

    public string Channel { get; private set; } = "";

    public string Department { get; private set; } = "";

    public Guid? AssigneeId { get; private set; }

    public string Priority { get; private set; } = "";

    /// <summary>The outbound <see cref="Reply"/> (kind survey) that carries the question.</summary>
    public Guid ReplyId { get; private set; }

    public DateTimeOffset SentAt { get; private set; }

    /// <summary>1 (very unsatisfied) to 5 (very satisfied); null until answered.</summary>
    public int? Score { get; private set; }

    public string? Comment { get; private set; }

    public DateTimeOffset? AnsweredAt { get; private set; }

    public static CsatSurvey For(
        Guid conversationId, Guid customerId, string channel, string department, Guid? assigneeId, string priority, Guid replyId,
        DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        ConversationId = conversationId,
        CustomerId = customerId,
        Channel = channel,
        Department = department,
        AssigneeId = assigneeId,
        Priority = priority,
        ReplyId = replyId,
        SentAt = now,
    };

    /// <summary>Records the customer's answer; a later answer replaces an earlier one (customers change their mind).</summary>
    public void Answer(int score, string? comment, DateTimeOffset now)
    {
        if (score is < MinScore or > ReplyLimits.MaxCsatScore)
        {
            throw new ArgumentOutOfRangeException(nameof(score), score, $"A satisfaction score is from {MinScore} to {ReplyLimits.MaxCsatScore}.");
        }

        Score = score;
        Comment = comment;
        AnsweredAt = now;
        Record(new CsatAnswered(ConversationId, Id, CustomerId, Department, AssigneeId, score, now));
    }
}
