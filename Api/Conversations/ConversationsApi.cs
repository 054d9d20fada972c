using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SocialEnterprise.Api.Access;
using SocialEnterprise.Api.Audit;
using SocialEnterprise.Domain.Access;
using SocialEnterprise.Domain.Audit;
using SocialEnterprise.Domain.Conversations;
using SocialEnterprise.Domain.Listening;
using SocialEnterprise.Domain.Persistence;
using SocialEnterprise.Domain.Staff;

namespace SocialEnterprise.Api.Conversations;

public static class ConversationsApi
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public static IEndpointRouteBuilder MapConversationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/conversations").WithTags("Conversations");

        api.MapGet("/", ListAsync).RequirePermission(Permission.Read)
            .WithSummary("Conversations the caller may see, newest activity first; q searches every message's text");
        api.MapGet("/{id:guid}", GetAsync).RequirePermission(Permission.Read)
            .WithSummary("A conversation with its messages and their classification");
        api.MapPost("/{id:guid}/status", ChangeStatusAsync).RequirePermission(Permission.Write)
            .WithSummary("Set the status: open, pending (waiting on the customer) or resolved");
        api.MapPut("/{id:guid}/follow", FollowAsync).RequirePermission(Permission.Write)
            .WithSummary("Follow a conversation (staff): it stays visible to you wherever it is routed");
        api.MapDelete("/{id:guid}/follow", UnfollowAsync).RequirePermission(Permission.Write)
            .WithSummary("Stop following a conversation");
        return app;
    }

    public static async Task<Results<Ok<ConversationPage>, ValidationProblem>> ListAsync(
        ClaimsPrincipal user, CrmDbContext db, CancellationToken cancellationToken,
        string? q = null, string? channel = null, string? status = null, string? department = null, Guid? customerId = null,
        int limit = DefaultLimit, int offset = 0)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (channel is not null && !IngestChannels.All.Contains(channel))
        {
            errors["channel"] = [$"One of: {string.Join(", ", IngestChannels.All.Order(StringComparer.Ordinal))}."];
        }

        if (status is not null && !ConversationStatuses.All.Contains(status))
        {
            errors["status"] = [$"One of: {string.Join(", ", ConversationStatuses.All)}."];
        }

        if (department is not null && !Department.Standard.Any(d => d.Id == department))
        {
            errors["department"] = [$"One of: {string.Join(", ", Department.Standard.Select(d => d.Id))}."];
        }

        if (limit is < 1 or > MaxLimit)
        {
            errors["limit"] = [$"From 1 to {MaxLimit}."];
        }

        if (offset < 0)
        {
            errors["offset"] = ["Must not be negative."];
        }

        if (q is { Length: > 200 })
        {
            errors["q"] = ["At most 200 characters."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var query = db.Conversations.AsNoTracking().VisibleTo(Caller.From(user), db);
        if (channel is not null)
        {
            query = query.Where(c => c.Channel == channel);
        }

        if (status is not null)
        {
            query = query.Where(c => c.Status == status);
        }

        if (department is not null)
        {
            query = query.Where(c => c.Department == department);
        }

        if (customerId is not null)
        {
            query = query.Where(c => c.CustomerId == customerId);
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            query = query.Where(c => db.Messages.Any(
                m => m.ConversationId == c.Id && m.SearchVector.Matches(EF.Functions.WebSearchToTsQuery("simple", q))));
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await Summaries(query, db).Skip(offset).Take(limit).ToListAsync(cancellationToken);
        return TypedResults.Ok(new ConversationPage(items, total));
    }

    public static async Task<Results<Ok<ConversationDetail>, NotFound>> GetAsync(
        Guid id, ClaimsPrincipal user, CrmDbContext db, CancellationToken cancellationToken)
    {
        var caller = Caller.From(user);
        var conversation = await db.Conversations.AsNoTracking().VisibleTo(caller, db).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (conversation is null)
        {
            return TypedResults.NotFound();
        }

        var customerName = await db.Customers.Where(c => c.Id == conversation.CustomerId).Select(c => c.DisplayName).SingleAsync(cancellationToken);
        var messages = await db.Messages.AsNoTracking()
            .Where(m => m.ConversationId == id)
            .OrderBy(m => m.OccurredAt).ThenBy(m => m.ReceivedAt)
            .ToListAsync(cancellationToken);
        var following = caller.StaffId is { } staffId && await db.ConversationParticipants.AnyAsync(
            p => p.ConversationId == id && p.StaffId == staffId && p.Reason == ParticipationReasons.Following, cancellationToken);
        var c = conversation;
        return TypedResults.Ok(new ConversationDetail(
            c.Id, c.CustomerId, customerName, c.Channel, c.Status, c.Type, c.Sentiment, c.SentimentScore, c.Topic, c.Language, c.Urgency,
            c.Priority, c.Department, c.RoutingReason, c.Preview, c.OpenedAt, c.LastActivityAt, c.ResolvedAt, c.PreviousConversationId,
            c.Version, following, messages.ConvertAll(MessageView.From)));
    }

    public static async Task<Results<NoContent, NotFound, ValidationProblem, ProblemHttpResult>> ChangeStatusAsync(
        Guid id, ConversationStatusRequest request, ClaimsPrincipal user, HttpContext http, CrmDbContext db, TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (request.Status is null || !ConversationStatuses.All.Contains(request.Status))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["status"] = [$"One of: {string.Join(", ", ConversationStatuses.All)}."] });
        }

        var caller = Caller.From(user);
        // The Workers may add a customer's message to the conversation at the same moment (its version moves on): the
        // change is applied again to what they committed, a few times at most.
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            var conversation = await db.Conversations.VisibleTo(caller, db).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
            if (conversation is null)
            {
                return TypedResults.NotFound();
            }

            var now = time.GetUtcNow();
            var from = conversation.Status;
            if (!conversation.ChangeStatus(request.Status, caller.Name, now))
            {
                return TypedResults.NoContent();
            }

            db.AuditLog.Add(AuditRecords.By(caller, http, now, AuditActions.ConversationStatusChanged, $"conversation/{id}", $"{from} -> {request.Status}"));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return TypedResults.NoContent();
            }
            catch (DbUpdateConcurrencyException) when (attempt < 3)
            {
            }
            catch (DbUpdateConcurrencyException)
            {
                return TypedResults.Problem(
                    "The conversation kept changing while the status was being set; try again.", statusCode: StatusCodes.Status409Conflict, title: "Conflict");
            }
        }
    }

    public static async Task<Results<NoContent, NotFound, ProblemHttpResult>> FollowAsync(
        Guid id, ClaimsPrincipal user, CrmDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var caller = Caller.From(user);
        if (caller.StaffId is not { } staffId)
        {
            return TypedResults.Problem("Only staff members follow conversations.", statusCode: StatusCodes.Status400BadRequest);
        }

        if (!await db.Conversations.VisibleTo(caller, db).AnyAsync(c => c.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        if (!await db.ConversationParticipants.AnyAsync(p => p.ConversationId == id && p.StaffId == staffId && p.Reason == ParticipationReasons.Following, cancellationToken))
        {
            db.ConversationParticipants.Add(ConversationParticipant.Follow(id, staffId, time.GetUtcNow()));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException exception) when (DatabaseErrors.IsUniqueViolation(exception))
            {
                // A second click a moment after the first: already following.
            }
        }

        return TypedResults.NoContent();
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> UnfollowAsync(Guid id, ClaimsPrincipal user, CrmDbContext db, CancellationToken cancellationToken)
    {
        if (Caller.From(user).StaffId is not { } staffId)
        {
            return TypedResults.Problem("Only staff members follow conversations.", statusCode: StatusCodes.Status400BadRequest);
        }

        await db.ConversationParticipants
            .Where(p => p.ConversationId == id && p.StaffId == staffId && p.Reason == ParticipationReasons.Following)
            .ExecuteDeleteAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>The list shape of conversations, with the customer's name, newest activity first, in one query.</summary>
    public static IQueryable<ConversationSummary> Summaries(IQueryable<Conversation> conversations, CrmDbContext db) =>
        from c in conversations
        join customer in db.Customers on c.CustomerId equals customer.Id
        orderby c.LastActivityAt descending, c.Id descending
        select new ConversationSummary(
            c.Id, c.CustomerId, customer.DisplayName, c.Channel, c.Status, c.Type, c.Sentiment, c.Topic, c.Priority, c.Department,
            c.Preview, c.LastActivityAt, c.MessageCount);
}
