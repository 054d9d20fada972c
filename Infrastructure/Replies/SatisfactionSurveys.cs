using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialEnterprise.Contracts.Conversations;
using SocialEnterprise.Contracts.Replies;
using SocialEnterprise.Domain.Conversations;
using SocialEnterprise.Domain.Replies;
using SocialEnterprise.Infrastructure.Persistence;

namespace SocialEnterprise.Infrastructure.Replies;

/// <summary>The satisfaction survey sent after resolution: configuration section <c>Csat</c>.</summary>
public sealed class CsatOptions
{
    public const string Section = "Csat";

    public bool Enabled { get; set; } = true;

    /// <summary>The one question, sent through the conversation's channel; the customer answers with a score from 1 to 5.</summary>
    [Required]
    [StringLength(ReplyLimits.MaxTextLength, MinimumLength = 1)]
    public string Question { get; set; } =
        "How satisfied are you with our answer? Reply with a score from 1 (not at all) to 5 (very satisfied), and tell us why if you like.";

    /// <summary>A conversation resolved again within this many days of its last survey is not surveyed again.</summary>
    [Range(0, 365)]
    public int QuietDays { get; set; } = 30;
}

/// <summary>What a resolution needs to know to survey the customer, read before the change is made.</summary>
/// <param name="InReplyToMessageId">The customer's latest message, for the channel to thread the survey under.</param>
public sealed record SurveyPlan(Guid? InReplyToMessageId);

/// <summary>
/// Surveys the customer when their conversation is resolved: a reply of kind survey through the conversation's own
/// channel, tied to a <see cref="CsatSurvey"/> row, saved in the same transaction as the resolution. Not when surveys
/// are off, not when nobody ever replied (there is nothing to rate), and not twice within <see cref="CsatOptions.QuietDays"/>.
/// </summary>
public sealed class SatisfactionSurveys(IOptions<CsatOptions> options)
{
    public const string AuthorName = "Satisfaction survey";

    /// <summary>Null when the conversation is not to be surveyed now whatever happens (off, or surveyed recently).</summary>
    public async Task<SurveyPlan?> PlanAsync(CrmDbContext db, Guid conversationId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return null;
        }

        var since = now.AddDays(-settings.QuietDays);
        if (await db.CsatSurveys.AnyAsync(s => s.ConversationId == conversationId && s.SentAt > since, cancellationToken))
        {
            return null;
        }

        var latest = await db.Messages
            .Where(m => m.ConversationId == conversationId && m.Direction == MessageDirections.Inbound)
            .OrderByDescending(m => m.OccurredAt)
            .Select(m => (Guid?)m.Id)
            .FirstOrDefaultAsync(cancellationToken);
        return new SurveyPlan(latest);
    }

    /// <summary>
    /// Queues the survey on <paramref name="conversation"/> (just resolved) in <paramref name="db"/>'s unit of work;
    /// null when it never got a reply.
    /// </summary>
    public CsatSurvey? Send(CrmDbContext db, Conversation conversation, SurveyPlan plan, DateTimeOffset now)
    {
        if (conversation.Status != ConversationStatuses.Resolved || conversation.FirstRepliedAt is null)
        {
            return null;
        }

        var reply = Reply.Write(
            conversation, ReplyKinds.Survey, ReplyVisibilities.Private, options.Value.Question, plan.InReplyToMessageId, authorId: null,
            AuthorName, conversation.Version, approvalReason: null, now);
        var survey = CsatSurvey.For(
            conversation.Id, conversation.CustomerId, conversation.Channel, conversation.Department, conversation.AssigneeId,
            conversation.Priority, reply.Id, now);
        db.Replies.Add(reply);
        db.CsatSurveys.Add(survey);
        return survey;
    }
}
