using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SocialEnterprise.Api.Conversations;
using SocialEnterprise.Contracts.Conversations;
using SocialEnterprise.Contracts.Customers;
using SocialEnterprise.Domain.Conversations;
using SocialEnterprise.Infrastructure.Conversations;
using SocialEnterprise.Infrastructure.Customers;
using SocialEnterprise.Infrastructure.Persistence;

namespace SocialEnterprise.Api.Customers;

public static partial class CustomersApi
{
    public static async Task<Results<Ok<CustomerProfile>, NotFound>> GetAsync(
        Guid id, [AsParameters] CustomerServices services, CancellationToken cancellationToken)
    {
        if (await VisibleOfCustomerAsync(id, services, cancellationToken) is not { } visible)
        {
            return TypedResults.NotFound();
        }

        var core = await services.Profiles.GetAsync(id, services.Db, cancellationToken);
        if (core is null)
        {
            return TypedResults.NotFound();
        }

        var conversations = await ConversationsApi.Summaries(new InboxQuery().Order(visible), services.Db).Take(200).ToListAsync(cancellationToken);
        return TypedResults.Ok(new CustomerProfile(
            core.Id, core.DisplayName, core.Email, core.Tier, core.Influence, core.CreatedAt, core.MergedIntoId, core.Identities,
            conversations.ConvertAll(c => c.At(services.Now))));
    }

    public static async Task<Results<Ok<TimelinePage>, NotFound, ValidationProblem>> TimelineAsync(
        Guid id, [AsParameters] CustomerServices services, CancellationToken cancellationToken, DateTimeOffset? before = null, int limit = 50)
    {
        if (OutOfRange("limit", limit, 1, 200) is { } invalid)
        {
            return invalid;
        }

        if (await VisibleOfCustomerAsync(id, services, cancellationToken) is not { } visible)
        {
            return TypedResults.NotFound();
        }

        var until = before ?? DateTimeOffset.MaxValue;
        var messages = await services.Db.Messages.AsNoTracking()
            .Where(m => visible.Any(c => c.Id == m.ConversationId) && m.OccurredAt < until)
            .OrderByDescending(m => m.OccurredAt)
            .Take(limit)
            .ToListAsync(cancellationToken);
        var notes = await services.Db.ConversationNotes.AsNoTracking()
            .Where(n => visible.Any(c => c.Id == n.ConversationId) && n.WrittenAt < until)
            .OrderByDescending(n => n.WrittenAt)
            .Take(limit)
            .ToListAsync(cancellationToken);
        var items = messages.Select(m =>
            {
                var view = ConversationViews.MessageView(m);
                return new TimelineItem(
                    m.Id, m.Direction, m.OccurredAt, m.Channel, m.ConversationId, m.Text, m.AuthorName, view.Classification?.SentimentLabel,
                    view.Classification?.SentimentScore, view.Classification?.Type);
            })
            .Concat(notes.Select(n => new TimelineItem(
                n.Id, "note", n.WrittenAt, "internal", n.ConversationId, n.Text, n.AuthorName, null, null, null)))
            .OrderByDescending(item => item.At)
            .Take(limit)
            .ToList();
        return TypedResults.Ok(new TimelinePage(items, items.Count == limit ? items[^1].At : null));
    }

    public static async Task<Results<Ok<List<SentimentPoint>>, NotFound, ValidationProblem>> SentimentAsync(
        Guid id, [AsParameters] CustomerServices services, CancellationToken cancellationToken, int days = 90)
    {
        if (OutOfRange("days", days, 1, 730) is { } invalid)
        {
            return invalid;
        }

        if (await VisibleOfCustomerAsync(id, services, cancellationToken) is not { } visible)
        {
            return TypedResults.NotFound();
        }

        var since = services.Now.AddDays(-days);
        var written = await services.Db.Messages.AsNoTracking()
            .Where(m => visible.Any(c => c.Id == m.ConversationId) && m.Direction == MessageDirections.Inbound && m.OccurredAt >= since)
            .OrderByDescending(m => m.OccurredAt)
            .Take(5_000)
            .Select(m => new { m.OccurredAt, m.Classification })
            .ToListAsync(cancellationToken);
        var points = written
            .Select(m => (Day: DateOnly.FromDateTime(m.OccurredAt.UtcDateTime), Score: SentimentScoreOf(m.Classification)))
            .Where(m => m.Score is not null)
            .GroupBy(m => m.Day)
            .OrderBy(day => day.Key)
            .Select(day => new SentimentPoint(day.Key, Math.Round(day.Average(m => m.Score!.Value), 3), day.Count()))
            .ToList();
        return TypedResults.Ok(points);
    }

    public static async Task<Results<Ok<UnifiedFront>, NotFound, ValidationProblem>> UnifiedFrontAsync(
        Guid id, [AsParameters] CustomerServices services, CancellationToken cancellationToken, int days = 14)
    {
        if (OutOfRange("days", days, 1, 90) is { } invalid)
        {
            return invalid;
        }

        if (await VisibleOfCustomerAsync(id, services, cancellationToken) is not { } visible)
        {
            return TypedResults.NotFound();
        }

        var since = services.Now.AddDays(-days);
        var engagements = await services.Db.ConversationEngagements.AsNoTracking()
            .Where(e => visible.Any(c => c.Id == e.ConversationId) && e.At >= since)
            .OrderByDescending(e => e.At)
            .Take(1_000)
            .ToListAsync(cancellationToken);
        var open = await visible
            .Where(c => c.Status != ConversationStatuses.Resolved)
            .Select(c => new { c.Id, c.Preview, c.Status, c.Department, c.AssigneeId })
            .ToListAsync(cancellationToken);
        var colleagues = engagements
            .GroupBy(e => e.StaffId)
            .Select(staff =>
            {
                var latest = staff.First();
                var engaged = staff.Select(e => e.ConversationId).ToHashSet();
                var openWithThem = open
                    .Where(c => c.AssigneeId == staff.Key || engaged.Contains(c.Id))
                    .Select(c => new UnifiedFrontConversation(c.Id, c.Preview, c.Status, c.Department, c.AssigneeId == staff.Key))
                    .ToList();
                return new UnifiedFrontEntry(
                    staff.Key, latest.StaffName, latest.Department, staff.Count(), latest.At, $"{latest.Kind}: {latest.Detail}", openWithThem);
            })
            .OrderByDescending(entry => entry.LastEngagedAt)
            .ToList();
        var byDepartment = open
            .GroupBy(c => c.Department)
            .Select(department => new DepartmentOpenCount(department.Key, department.Count()))
            .OrderByDescending(department => department.Open).ThenBy(department => department.Department, StringComparer.Ordinal)
            .ToList();
        return TypedResults.Ok(new UnifiedFront(days, colleagues, byDepartment));
    }

    /// <summary>
    /// The customer's conversations the caller may see, or null when the caller may see nothing of the customer: a
    /// profile shows only to whoever may see something of them, so nobody probes for customers by id.
    /// </summary>
    private static async Task<IQueryable<Conversation>?> VisibleOfCustomerAsync(
        Guid customerId, CustomerServices services, CancellationToken cancellationToken)
    {
        var db = services.Db;
        var visible = db.Conversations.AsNoTracking().VisibleTo(services.Caller, db).Where(c => c.CustomerId == customerId);
        return services.Caller.SeesEverything || services.Caller.CanTriage || await visible.AnyAsync(cancellationToken) ? visible : null;
    }

    private static ValidationProblem? OutOfRange(string field, int value, int min, int max) =>
        value < min || value > max
            ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [$"From {min} to {max}."] })
            : null;

    private static double? SentimentScoreOf(string? classification)
    {
        if (classification is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(classification);
        return document.RootElement.TryGetProperty("sentimentScore", out var score) && score.ValueKind == JsonValueKind.Number
            ? score.GetDouble()
            : null;
    }

    public static async Task<Ok<List<MergeSuggestionView>>> SuggestionsAsync(
        [AsParameters] CustomerServices services, CancellationToken cancellationToken, string status = "open", int limit = 50)
    {
        var wanted = MergeSuggestionStatuses.All.FirstOrDefault(known => known.Equals(status, StringComparison.OrdinalIgnoreCase)) ?? MergeSuggestionStatuses.Open;
        var suggestions = await services.Db.MergeSuggestions.AsNoTracking()
            .Where(s => s.Status == wanted)
            .OrderByDescending(s => s.Score).ThenByDescending(s => s.CreatedAt)
            .Take(Math.Clamp(limit, 1, 200))
            .ToListAsync(cancellationToken);
        var cards = await CardsAsync(services.Db, suggestions.SelectMany(s => new[] { s.CustomerId, s.CandidateId }), cancellationToken);
        return TypedResults.Ok(suggestions
            .Where(s => cards.ContainsKey(s.CustomerId) && cards.ContainsKey(s.CandidateId))
            .Select(s => new MergeSuggestionView(
                s.Id, cards[s.CustomerId], cards[s.CandidateId], s.Reason, s.Score, s.Status, s.CreatedAt))
            .ToList());
    }

    public static async Task<Ok<List<MergeView>>> MergesAsync([AsParameters] CustomerServices services, CancellationToken cancellationToken, int limit = 50)
    {
        var merges = await (
            from m in services.Db.CustomerMerges.AsNoTracking()
            join source in services.Db.Customers on m.SourceId equals source.Id
            join target in services.Db.Customers on m.TargetId equals target.Id
            orderby m.MergedAt descending
            select new MergeView(m.Id, m.SourceId, source.DisplayName, m.TargetId, target.DisplayName, m.MovedIdentityIds.Count, m.MergedBy, m.MergedAt, m.UndoneBy, m.UndoneAt))
            .Take(Math.Clamp(limit, 1, 200))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(merges);
    }

    private static async Task<Dictionary<Guid, CustomerCard>> CardsAsync(CrmDbContext db, IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct().ToList();
        var customers = await db.Customers.AsNoTracking().Where(c => wanted.Contains(c.Id)).ToListAsync(cancellationToken);
        var identities = await db.CustomerIdentities.AsNoTracking().Where(i => wanted.Contains(i.CustomerId)).ToListAsync(cancellationToken);
        return customers.ToDictionary(c => c.Id, c => new CustomerCard(
            c.Id, c.DisplayName, c.Influence, identities.Where(i => i.CustomerId == c.Id).OrderBy(i => i.FirstSeenAt).Select(CustomerViews.IdentityView).ToList()));
    }
}
