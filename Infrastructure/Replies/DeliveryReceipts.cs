using Microsoft.EntityFrameworkCore;
using SocialEnterprise.Contracts.Replies;
using SocialEnterprise.Domain.Replies;
using SocialEnterprise.Infrastructure.Persistence;

namespace SocialEnterprise.Infrastructure.Replies;

/// <summary>
/// What a channel reports about a reply it was given: delivered, refused after accepting it, or (for a survey) the
/// customer's answer. Each report is idempotent: the same one twice changes nothing the second time.
/// </summary>
public static class DeliveryReceipts
{
    public const int MaxExternalIdLength = 200;

    /// <summary>Each invalid field of <paramref name="request"/>, named as in the JSON body.</summary>
    public static Dictionary<string, string[]> Validate(OutboundEventRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Type is null || !OutboundEventTypes.All.Contains(request.Type))
        {
            errors["type"] = [$"One of: {string.Join(", ", OutboundEventTypes.All)}."];
        }

        if (request.ReplyId is null && string.IsNullOrWhiteSpace(request.ExternalId))
        {
            errors["replyId"] = ["The reply's id, or its externalId as the connector answered it, is required."];
        }
        else if (request.ReplyId == Guid.Empty)
        {
            errors["replyId"] = ["Not a reply id."];
        }

        if (request.ExternalId is { Length: > MaxExternalIdLength })
        {
            errors["externalId"] = [$"At most {MaxExternalIdLength} characters."];
        }

        if (request.Error is { Length: > Reply.MaxErrorLength })
        {
            errors["error"] = [$"At most {Reply.MaxErrorLength} characters."];
        }

        if (request.Type == OutboundEventTypes.SurveyAnswer)
        {
            if (request.Score is not (>= CsatSurvey.MinScore and <= ReplyLimits.MaxCsatScore))
            {
                errors["score"] = [$"A whole number from {CsatSurvey.MinScore} to {ReplyLimits.MaxCsatScore}."];
            }

            if (request.Comment is { Length: > CsatSurvey.MaxCommentLength })
            {
                errors["comment"] = [$"At most {CsatSurvey.MaxCommentLength} characters."];
            }
        }

        return errors;
    }

    /// <summary>
    /// Applies a valid report about a reply on <paramref name="channel"/>. Null when the channel has no such reply;
    /// field errors when the report does not fit the reply (an answer to something that is not a survey).
    /// </summary>
    public static async Task<(OutboundEventResult? Result, Dictionary<string, string[]>? Errors)> ApplyAsync(
        CrmDbContext db, string channel, OutboundEventRequest request, DateTimeOffset now, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            var reply = request.ReplyId is { } replyId
                ? await db.Replies.SingleOrDefaultAsync(r => r.Id == replyId && r.Channel == channel, cancellationToken)
                : await db.Replies.Where(r => r.Channel == channel && r.ExternalId == request.ExternalId)
                    .OrderByDescending(r => r.CreatedAt).FirstOrDefaultAsync(cancellationToken);
            if (reply is null)
            {
                return (null, null);
            }

            bool changed;
            switch (request.Type)
            {
                case OutboundEventTypes.Delivered:
                    changed = reply.MarkDelivered(request.At ?? now, now);
                    break;
                case OutboundEventTypes.Failed:
                    changed = reply.MarkFailed(
                        request.Error is { Length: > 0 } error ? $"the channel refused it: {error}" : "the channel refused it after accepting it", now,
                        countsAsAttempt: false);
                    break;
                default:
                    if (reply.Kind != ReplyKinds.Survey)
                    {
                        return (null, new Dictionary<string, string[]> { [request.ReplyId is null ? "externalId" : "replyId"] = ["Not a satisfaction survey: only surveys are answered."] });
                    }

                    var survey = await db.CsatSurveys.SingleAsync(s => s.ReplyId == reply.Id, cancellationToken);
                    var comment = request.Comment?.Trim() is { Length: > 0 } text ? text : null;
                    changed = survey.Score != request.Score || survey.Comment != comment;
                    if (changed)
                    {
                        survey.Answer(request.Score!.Value, comment, request.At ?? now);
                    }

                    // An answer proves the survey reached the customer.
                    reply.MarkDelivered(request.At ?? now, now);
                    break;
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return (new OutboundEventResult(reply.Id, reply.State, changed), null);
            }
            catch (DbUpdateConcurrencyException) when (attempt < 5)
            {
                // The delivery worker recorded the post at the same moment: apply the report to what it committed.
            }
        }
    }
}
