using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SocialEnterprise.Contracts.Conversations;
using SocialEnterprise.Domain.Conversations;
using SocialEnterprise.Domain.Routing;
using SocialEnterprise.Infrastructure.Conversations;
using SocialEnterprise.Infrastructure.Persistence;
using SocialEnterprise.Infrastructure.Replies;

namespace SocialEnterprise.Api.Conversations;

public static partial class ConversationsApi
{
    public static async Task<Results<Ok<ConversationPage>, ValidationProblem>> ListAsync(
        [AsParameters] InboxQuery query, [AsParameters] ConversationServices services, CancellationToken cancellationToken,
        int limit = InboxQuery.DefaultLimit, int offset = 0)
    {
        var errors = query.Validate();
        if (limit is < 1 or > InboxQuery.MaxLimit)
        {
            errors["limit"] = [$"From 1 to {InboxQuery.MaxLimit}."];
        }

        if (offset < 0)
        {
            errors["offset"] = ["Must not be negative."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var db = services.Db;
        var matching = query.Apply(db.Conversations.AsNoTracking(), services.Caller, db, services.Now);
        var (total, capped) = await CountAsync(matching, cancellationToken);
        var items = await Summaries(query.Order(matching), db).Skip(offset).Take(limit).ToListAsync(cancellationToken);
        return TypedResults.Ok(new ConversationPage(items.ConvertAll(item => item.At(services.Now)), total, capped));
    }

    /// <summary>
    /// Counts up to <see cref="CountCap"/>: past it an inbox says "1,000+" rather than scan a million rows (counting
    /// to 10,000 cost a staff member's seven view counts 350 ms on a million conversations).
    /// </summary>
    public static async Task<(int Total, bool Capped)> CountAsync(IQueryable<Conversation> matching, CancellationToken cancellationToken)
    {
        var count = await matching.Take(CountCap + 1).CountAsync(cancellationToken);
        return count > CountCap ? (CountCap, true) : (count, false);
    }

    public static async Task<Results<Ok<ConversationDetail>, NotFound>> GetAsync(
        Guid id, [AsParameters] ConversationServices services, CancellationToken cancellationToken)
    {
        var db = services.Db;
        var conversation = await db.Conversations.AsNoTracking().VisibleTo(services.Caller, db).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (conversation is null)
        {
            return TypedResults.NotFound();
        }

        var customer = await db.Customers.Where(c => c.Id == conversation.CustomerId)
            .Select(c => new { c.DisplayName, c.Tier, c.Influence })
            .SingleAsync(cancellationToken);
        var messages = await db.Messages.AsNoTracking()
            .Where(m => m.ConversationId == id)
            .OrderBy(m => m.OccurredAt).ThenBy(m => m.ReceivedAt)
            .ToListAsync(cancellationToken);
        var notes = await db.ConversationNotes.AsNoTracking()
            .Where(n => n.ConversationId == id)
            .OrderBy(n => n.WrittenAt)
            .ToListAsync(cancellationToken);
        var following = services.Caller.StaffId is { } staffId && await db.ConversationParticipants.AnyAsync(
            p => p.ConversationId == id && p.StaffId == staffId && p.Reason == ParticipationReasons.Following, cancellationToken);
        var assigneeName = conversation.AssigneeId is { } assigneeId
            ? await db.Users.Where(u => u.Id == assigneeId).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken)
            : null;
        var history = await ConversationHistory.ReadAsync(db, id, cancellationToken);
        var replies = await db.Replies.AsNoTracking()
            .Where(r => r.ConversationId == id)
            .OrderBy(r => r.CreatedAt)
            .ToListAsync(cancellationToken);
        var surveys = await db.CsatSurveys.AsNoTracking()
            .Where(s => s.ConversationId == id)
            .OrderBy(s => s.SentAt)
            .ToListAsync(cancellationToken);
        var c = conversation;
        var score = PriorityScore.Of(customer.Tier, customer.Influence, c.Sentiment, c.SentimentScore, c.Urgency, c.ResponseClockStartedAt, services.Now);
        return TypedResults.Ok(new ConversationDetail(
            c.Id, c.CustomerId, customer.DisplayName, c.Channel, c.Status, c.Type, c.Sentiment, c.SentimentScore, c.Topic, c.Language, c.Urgency,
            c.Priority, c.Department, c.RoutingReason, c.Preview, c.OpenedAt, c.LastActivityAt, c.ResolvedAt, c.PreviousConversationId,
            c.Version, following, messages.ConvertAll(ConversationViews.MessageView), c.AssigneeId, assigneeName, c.ResponseDueAt,
            c.ServiceLevelAt(services.Now), notes.ConvertAll(ConversationViews.NoteView), history, score.Score, score.Explanation,
            replies.ConvertAll(ReplyViews.ThreadReplyView), surveys.ConvertAll(ReplyViews.CsatView)));
    }

    /// <summary>The list shape of conversations, with the customer's and assignee's names, in the given order, in one query.</summary>
    public static IQueryable<ConversationSummary> Summaries(IQueryable<Conversation> conversations, CrmDbContext db) =>
        from c in conversations
        join customer in db.Customers on c.CustomerId equals customer.Id
        from assignee in db.Users.Where(u => u.Id == c.AssigneeId).DefaultIfEmpty()
        select new ConversationSummary(
            c.Id, c.CustomerId, customer.DisplayName, c.Channel, c.Status, c.Type, c.Sentiment, c.Topic, c.Priority, c.Department,
            c.Preview, c.LastActivityAt, c.MessageCount, c.AssigneeId, assignee == null ? null : assignee.DisplayName,
            c.ResponseWarnAt, c.ResponseDueAt, ServiceLevelStates.None);
}
