using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SocialEnterprise.Api.Access;
using SocialEnterprise.Api.Audit;
using SocialEnterprise.Api.Conversations;
using SocialEnterprise.Contracts.Access;
using SocialEnterprise.Contracts.Audit;
using SocialEnterprise.Contracts.Conversations;
using SocialEnterprise.Contracts.Customers;
using SocialEnterprise.Domain.Conversations;
using SocialEnterprise.Infrastructure.Conversations;
using SocialEnterprise.Infrastructure.Customers;
using SocialEnterprise.Infrastructure.Persistence;

namespace SocialEnterprise.Api.Customers;

public static class CustomersApi
{
    public static IEndpointRouteBuilder MapCustomersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/customers").WithTags("Customers");

        api.MapGet("/{id:guid}", GetAsync).RequirePermission(Permission.Read)
            .WithSummary("A customer's profile: identities with evidence and consent, and the conversations the caller may see");
        api.MapGet("/{id:guid}/timeline", TimelineAsync).RequirePermission(Permission.Read)
            .WithSummary("Every interaction with the customer on every channel, newest first (messages and internal notes); page with before");
        api.MapGet("/{id:guid}/sentiment", SentimentAsync).RequirePermission(Permission.Read)
            .WithSummary("The customer's average sentiment per day over the last days (default 90)");
        api.MapGet("/{id:guid}/unified-front", UnifiedFrontAsync).RequirePermission(Permission.Read)
            .WithSummary("Which colleagues from which departments engaged the customer lately, and what is open with them");
        api.MapPut("/{id:guid}/identities/{identityId:guid}/consent", RecordConsentAsync).RequirePermission(Permission.Write)
            .WithSummary("Record consent for contacting the customer on one identity: granted or withdrawn, with its basis");

        var triage = api.MapGroup("/").RequireTriage();
        triage.MapGet("/merge-suggestions", SuggestionsAsync).RequirePermission(Permission.Read)
            .WithSummary("Customers who look like one person, for staff to merge or dismiss");
        triage.MapPost("/merge-suggestions/{id:guid}/dismiss", DismissAsync).RequirePermission(Permission.Write)
            .WithSummary("Dismiss a merge suggestion: the two are different people");
        triage.MapGet("/merges", MergesAsync).RequirePermission(Permission.Read)
            .WithSummary("Recent merges, newest first, with whether they were undone");
        triage.MapPost("/merges", MergeAsync).RequirePermission(Permission.Write)
            .WithSummary("Merge the source customer into the target: identities and conversations move; undoable");
        triage.MapPost("/merges/{id:guid}/undo", UndoAsync).RequirePermission(Permission.Write)
            .WithSummary("Undo a merge: the moved identities go back with every conversation they opened");
        return app;
    }

    public static async Task<Results<Ok<CustomerProfile>, NotFound>> GetAsync(
        Guid id, ClaimsPrincipal user, CrmDbContext db, CustomerProfileCache profiles, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await VisibleOfCustomerAsync(id, Caller.From(user), db, cancellationToken) is not { } visible)
        {
            return TypedResults.NotFound();
        }

        var core = await profiles.GetAsync(id, db, cancellationToken);
        if (core is null)
        {
            return TypedResults.NotFound();
        }

        var now = time.GetUtcNow();
        var conversations = await ConversationsApi.Summaries(new InboxQuery().Order(visible), db).Take(200).ToListAsync(cancellationToken);
        return TypedResults.Ok(new CustomerProfile(
            core.Id, core.DisplayName, core.Email, core.Tier, core.Influence, core.CreatedAt, core.MergedIntoId, core.Identities,
            conversations.ConvertAll(c => c.At(now))));
    }

    public static async Task<Results<Ok<TimelinePage>, NotFound, ValidationProblem>> TimelineAsync(
        Guid id, ClaimsPrincipal user, CrmDbContext db, CancellationToken cancellationToken, DateTimeOffset? before = null, int limit = 50)
    {
        if (OutOfRange("limit", limit, 1, 200) is { } invalid)
        {
            return invalid;
        }

        if (await VisibleOfCustomerAsync(id, Caller.From(user), db, cancellationToken) is not { } visible)
        {
            return TypedResults.NotFound();
        }

        var until = before ?? DateTimeOffset.MaxValue;
        var messages = await db.Messages.AsNoTracking()
            .Where(m => visible.Any(c => c.Id == m.ConversationId) && m.OccurredAt < until)
            .OrderByDescending(m => m.OccurredAt)
            .Take(limit)
            .ToListAsync(cancellationToken);
        var notes = await db.ConversationNotes.AsNoTracking()
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
        Guid id, ClaimsPrincipal user, CrmDbContext db, TimeProvider time, CancellationToken cancellationToken, int days = 90)
    {
        if (OutOfRange("days", days, 1, 730) is { } invalid)
        {
            return invalid;
        }

        if (await VisibleOfCustomerAsync(id, Caller.From(user), db, cancellationToken) is not { } visible)
        {
            return TypedResults.NotFound();
        }

        var since = time.GetUtcNow().AddDays(-days);
        var written = await db.Messages.AsNoTracking()
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
        Guid id, ClaimsPrincipal user, CrmDbContext db, TimeProvider time, CancellationToken cancellationToken, int days = 14)
    {
        if (OutOfRange("days", days, 1, 90) is { } invalid)
        {
            return invalid;
        }

        if (await VisibleOfCustomerAsync(id, Caller.From(user), db, cancellationToken) is not { } visible)
        {
            return TypedResults.NotFound();
        }

        var since = time.GetUtcNow().AddDays(-days);
        var engagements = await db.ConversationEngagements.AsNoTracking()
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
        Guid customerId, Caller caller, CrmDbContext db, CancellationToken cancellationToken)
    {
        var visible = db.Conversations.AsNoTracking().VisibleTo(caller, db).Where(c => c.CustomerId == customerId);
        return caller.SeesEverything || caller.CanTriage || await visible.AnyAsync(cancellationToken) ? visible : null;
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

    public static async Task<Results<Ok<IdentityView>, NotFound, ValidationProblem>> RecordConsentAsync(
        Guid id, Guid identityId, ConsentRequest request, ClaimsPrincipal user, HttpContext http, CrmDbContext db, TimeProvider time,
        CustomerProfileCache profiles, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (request.Status is not (ConsentStatuses.Granted or ConsentStatuses.Withdrawn))
        {
            errors["status"] = [$"{ConsentStatuses.Granted} or {ConsentStatuses.Withdrawn}."];
        }

        if (string.IsNullOrWhiteSpace(request.Basis) || request.Basis.Length > 500)
        {
            errors["basis"] = ["How consent was given or withdrawn, 1 to 500 characters."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var caller = Caller.From(user);
        var identity = await db.CustomerIdentities.SingleOrDefaultAsync(i => i.Id == identityId && i.CustomerId == id, cancellationToken);
        if (identity is null || !(caller.CanTriage || await db.Conversations.VisibleTo(caller, db).AnyAsync(c => c.CustomerId == id, cancellationToken)))
        {
            return TypedResults.NotFound();
        }

        var now = time.GetUtcNow();
        identity.RecordConsent(request.Status!, request.Basis!.Trim(), now);
        db.AuditLog.Add(AuditRecords.By(caller, http, now, AuditActions.ConsentRecorded, $"{identity.Channel}/@{identity.Handle}", $"{request.Status}: {request.Basis}"));
        await db.SaveChangesAsync(cancellationToken);
        await profiles.InvalidateAsync([id], cancellationToken);
        return TypedResults.Ok(CustomerViews.IdentityView(identity));
    }

    public static async Task<Ok<List<MergeSuggestionView>>> SuggestionsAsync(
        CrmDbContext db, CancellationToken cancellationToken, string status = "open", int limit = 50)
    {
        var wanted = MergeSuggestionStatuses.All.FirstOrDefault(known => known.Equals(status, StringComparison.OrdinalIgnoreCase)) ?? MergeSuggestionStatuses.Open;
        var suggestions = await db.MergeSuggestions.AsNoTracking()
            .Where(s => s.Status == wanted)
            .OrderByDescending(s => s.Score).ThenByDescending(s => s.CreatedAt)
            .Take(Math.Clamp(limit, 1, 200))
            .ToListAsync(cancellationToken);
        var cards = await CardsAsync(db, suggestions.SelectMany(s => new[] { s.CustomerId, s.CandidateId }), cancellationToken);
        return TypedResults.Ok(suggestions
            .Where(s => cards.ContainsKey(s.CustomerId) && cards.ContainsKey(s.CandidateId))
            .Select(s => new MergeSuggestionView(
                s.Id, cards[s.CustomerId], cards[s.CandidateId], s.Reason, s.Score, s.Status, s.CreatedAt))
            .ToList());
    }

    public static async Task<Results<NoContent, NotFound, ProblemHttpResult>> DismissAsync(
        Guid id, ClaimsPrincipal user, HttpContext http, CrmDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var suggestion = await db.MergeSuggestions.SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (suggestion is null)
        {
            return TypedResults.NotFound();
        }

        if (suggestion.Status != MergeSuggestionStatuses.Open)
        {
            return TypedResults.Problem($"The suggestion was already {suggestion.Status}.", statusCode: StatusCodes.Status409Conflict, title: "Already decided");
        }

        var caller = Caller.From(user);
        var now = time.GetUtcNow();
        suggestion.Decide(MergeSuggestionStatuses.Dismissed, caller.Name, now);
        db.AuditLog.Add(AuditRecords.By(caller, http, now, AuditActions.MergeSuggestionDismissed, $"customer/{suggestion.CustomerId}", suggestion.Reason));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<List<MergeView>>> MergesAsync(CrmDbContext db, CancellationToken cancellationToken, int limit = 50)
    {
        var merges = await (
            from m in db.CustomerMerges.AsNoTracking()
            join source in db.Customers on m.SourceId equals source.Id
            join target in db.Customers on m.TargetId equals target.Id
            orderby m.MergedAt descending
            select new MergeView(m.Id, m.SourceId, source.DisplayName, m.TargetId, target.DisplayName, m.MovedIdentityIds.Count, m.MergedBy, m.MergedAt, m.UndoneBy, m.UndoneAt))
            .Take(Math.Clamp(limit, 1, 200))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(merges);
    }

    public static async Task<Results<Created<MergeView>, ProblemHttpResult, ValidationProblem>> MergeAsync(
        MergeRequest request, ClaimsPrincipal user, HttpContext http, CrmDbContext db, TimeProvider time, CustomerProfileCache profiles,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (request.SourceId is null)
        {
            errors["sourceId"] = ["Required: the customer whose identities move."];
        }

        if (request.TargetId is null)
        {
            errors["targetId"] = ["Required: the customer who keeps them."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var caller = Caller.From(user);
        var result = await InTransactionAsync(db, cancellationToken, async token =>
        {
            var now = time.GetUtcNow();
            var outcome = await new CustomerMerging(db).MergeAsync(request.SourceId!.Value, request.TargetId!.Value, request.SuggestionId, caller.Name, now, token);
            return await ConcludeAsync(outcome, AuditActions.CustomersMerged, caller, http, db, now, token);
        });
        return await ForgetProfilesAsync(result, profiles, cancellationToken);
    }

    public static async Task<Results<Created<MergeView>, ProblemHttpResult, ValidationProblem>> UndoAsync(
        Guid id, ClaimsPrincipal user, HttpContext http, CrmDbContext db, TimeProvider time, CustomerProfileCache profiles,
        CancellationToken cancellationToken)
    {
        var caller = Caller.From(user);
        var result = await InTransactionAsync(db, cancellationToken, async token =>
        {
            var now = time.GetUtcNow();
            var outcome = await new CustomerMerging(db).UndoAsync(id, caller.Name, now, token);
            return await ConcludeAsync(outcome, AuditActions.CustomerMergeUndone, caller, http, db, now, token);
        });
        return await ForgetProfilesAsync(result, profiles, cancellationToken);
    }

    /// <summary>After a merge or its undo both customers' profiles have changed: the cached ones go.</summary>
    private static async Task<Results<Created<MergeView>, ProblemHttpResult, ValidationProblem>> ForgetProfilesAsync(
        Results<Created<MergeView>, ProblemHttpResult, ValidationProblem> result, CustomerProfileCache profiles, CancellationToken cancellationToken)
    {
        if (result.Result is Created<MergeView> { Value: { } merge })
        {
            await profiles.InvalidateAsync([merge.SourceId, merge.TargetId], cancellationToken);
        }

        return result;
    }

    private static async Task<Results<Created<MergeView>, ProblemHttpResult, ValidationProblem>> ConcludeAsync(
        MergeOutcome outcome, string action, Caller caller, HttpContext http, CrmDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (outcome.InvalidField is { } field)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [outcome.InvalidReason!] });
        }

        if (outcome.MissingField is { } missing)
        {
            return TypedResults.Problem($"Nothing found for {missing}.", statusCode: StatusCodes.Status404NotFound, title: "Not found");
        }

        if (outcome.ConflictReason is { } reason)
        {
            return TypedResults.Problem(reason, statusCode: StatusCodes.Status409Conflict, title: "Conflict");
        }

        var merge = outcome.Merge!;
        var names = await db.Customers.Where(c => c.Id == merge.SourceId || c.Id == merge.TargetId).ToDictionaryAsync(c => c.Id, c => c.DisplayName, cancellationToken);
        db.AuditLog.Add(AuditRecords.By(caller, http, now, action, $"customer/{merge.TargetId}",
            $"{names[merge.SourceId]} ({merge.SourceId}) into {names[merge.TargetId]} ({merge.TargetId}), {merge.MovedIdentityIds.Count} identities"));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/customers/merges/{merge.Id}", new MergeView(
            merge.Id, merge.SourceId, names[merge.SourceId], merge.TargetId, names[merge.TargetId], merge.MovedIdentityIds.Count, merge.MergedBy,
            merge.MergedAt, merge.UndoneBy, merge.UndoneAt));
    }

    /// <summary>Runs <paramref name="work"/> in one transaction (it mixes bulk updates and tracked changes), committed only when it succeeds.</summary>
    private static Task<T> InTransactionAsync<T>(CrmDbContext db, CancellationToken cancellationToken, Func<CancellationToken, Task<T>> work) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            var result = await work(token);
            await transaction.CommitAsync(token);
            return result;
        }, cancellationToken);

    private static async Task<Dictionary<Guid, CustomerCard>> CardsAsync(CrmDbContext db, IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct().ToList();
        var customers = await db.Customers.AsNoTracking().Where(c => wanted.Contains(c.Id)).ToListAsync(cancellationToken);
        var identities = await db.CustomerIdentities.AsNoTracking().Where(i => wanted.Contains(i.CustomerId)).ToListAsync(cancellationToken);
        return customers.ToDictionary(c => c.Id, c => new CustomerCard(
            c.Id, c.DisplayName, c.Influence, identities.Where(i => i.CustomerId == c.Id).OrderBy(i => i.FirstSeenAt).Select(CustomerViews.IdentityView).ToList()));
    }
}
