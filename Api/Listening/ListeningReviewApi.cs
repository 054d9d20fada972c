using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SocialEnterprise.Api.Access;
using SocialEnterprise.Contracts.Access;
using SocialEnterprise.Contracts.Audit;
using SocialEnterprise.Contracts.Listening;
using SocialEnterprise.Domain.Listening;
using SocialEnterprise.Infrastructure.Listening;
using SocialEnterprise.Infrastructure.Persistence;

namespace SocialEnterprise.Api.Listening;

/// <summary>
/// What did not become a conversation: events the noise filter dropped (kept with the reason, restorable to the inbox)
/// and events parked after repeated failures (for admins, replayable).
/// </summary>
public static class ListeningReviewApi
{
    public static IEndpointRouteBuilder MapListeningReviewApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/ingest").WithTags("Ingest");

        var filtered = api.MapGroup("/filtered").RequireTriage();
        filtered.MapGet("/", FilteredAsync).RequirePermission(Permission.Read)
            .WithSummary("Events the noise filter dropped, newest first, each with the rule and the reason");
        filtered.MapPost("/{id:guid}/restore", RestoreAsync).RequirePermission(Permission.Write)
            .WithSummary("Restore a filtered event to the inbox: it is carried again with the filter off for it");

        var parked = api.MapGroup("/parked").RequirePermission(Permission.Administer);
        parked.MapGet("/", ParkedAsync).WithSummary("Events parked after repeated failures, with their last error");
        parked.MapPost("/{id:guid}/replay", ReplayAsync).WithSummary("Put a parked event back in the queue for a fresh set of attempts");
        parked.MapPost("/replay", ReplayAllAsync)
            .WithSummary("Put every parked event back in the queue (up to 1,000 a call; the answer says how many remain)");
        return app;
    }

    public const int ReplayAllLimit = 1_000;

    public static Task<Ok<IngestEventPage>> FilteredAsync([AsParameters] ApiServices services, CancellationToken cancellationToken, string? channel = null, int limit = 50, int offset = 0) =>
        PageAsync(services.Db, IngestEventStatuses.Filtered, channel, limit, offset, cancellationToken);

    public static Task<Ok<IngestEventPage>> ParkedAsync([AsParameters] ApiServices services, CancellationToken cancellationToken, string? channel = null, int limit = 50, int offset = 0) =>
        PageAsync(services.Db, IngestEventStatuses.Parked, channel, limit, offset, cancellationToken);

    public static Task<Results<Accepted, NotFound, ProblemHttpResult>> RestoreAsync(
        Guid id, [AsParameters] ApiServices services, CancellationToken cancellationToken) =>
        RequeueAsync(id, services, AuditActions.FilteredEventRestored, (e, now) => e.Restore(now), "filtered", cancellationToken);

    public static Task<Results<Accepted, NotFound, ProblemHttpResult>> ReplayAsync(
        Guid id, [AsParameters] ApiServices services, CancellationToken cancellationToken) =>
        RequeueAsync(id, services, AuditActions.ParkedEventReplayed, (e, now) => e.Replay(now), "parked", cancellationToken);

    /// <summary>Each replay is audited as the single one is, in the same transaction as the change.</summary>
    public static async Task<Ok<ParkedReplayResult>> ReplayAllAsync(
        [AsParameters] ApiServices services, CancellationToken cancellationToken)
    {
        var parked = await services.Db.IngestEvents.Where(e => e.Status == IngestEventStatuses.Parked)
            .OrderBy(e => e.ReceivedAt).Take(ReplayAllLimit).ToListAsync(cancellationToken);
        foreach (var ingestEvent in parked.Where(e => e.Replay(services.Now)))
        {
            services.Audit(AuditActions.ParkedEventReplayed, $"{ingestEvent.Channel}/{ingestEvent.ExternalId}", ingestEvent.LastError);
        }

        await services.Db.SaveChangesAsync(cancellationToken);
        var remaining = await services.Db.IngestEvents.CountAsync(e => e.Status == IngestEventStatuses.Parked, cancellationToken);
        return TypedResults.Ok(new ParkedReplayResult(parked.Count, remaining));
    }

    private static async Task<Ok<IngestEventPage>> PageAsync(
        CrmDbContext db, string status, string? channel, int limit, int offset, CancellationToken cancellationToken)
    {
        var query = db.IngestEvents.AsNoTracking().Where(e => e.Status == status);
        if (channel is not null)
        {
            query = query.Where(e => e.Channel == channel);
        }

        var total = await query.CountAsync(cancellationToken);
        var events = await query.OrderByDescending(e => e.ReceivedAt).Skip(Math.Max(0, offset)).Take(Math.Clamp(limit, 1, 200)).ToListAsync(cancellationToken);
        return TypedResults.Ok(new IngestEventPage(events.ConvertAll(ListeningViews.IngestEventView), total));
    }

    private static async Task<Results<Accepted, NotFound, ProblemHttpResult>> RequeueAsync(
        Guid id, ApiServices services, string action, Func<IngestEvent, DateTimeOffset, bool> requeue, string expected,
        CancellationToken cancellationToken)
    {
        var ingestEvent = await services.Db.IngestEvents.SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (ingestEvent is null)
        {
            return TypedResults.NotFound();
        }

        if (!requeue(ingestEvent, services.Now))
        {
            return TypedResults.Problem(
                $"The event is {ingestEvent.Status}, not {expected}.", statusCode: StatusCodes.Status409Conflict, title: "Nothing to do");
        }

        await services.SaveAuditedAsync(action, $"{ingestEvent.Channel}/{ingestEvent.ExternalId}", ingestEvent.FilterReason ?? ingestEvent.LastError, cancellationToken);
        return TypedResults.Accepted($"/api/ingest/{ingestEvent.Channel}");
    }
}
