using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SocialEnterprise.Api.Access;
using SocialEnterprise.Contracts.Access;
using SocialEnterprise.Contracts.Collaboration;

namespace SocialEnterprise.Api.Collaboration;

/// <summary>A staff member's notification centre: only ever their own notifications.</summary>
public static class NotificationsApi
{
    public const int DefaultLimit = 30;

    public const int MaxLimit = 200;

    public static IEndpointRouteBuilder MapNotificationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/notifications").WithTags("Notifications");
        api.MapGet("/", ListAsync).RequirePermission(Permission.Read).RequireStaff("have notifications")
            .WithSummary("The caller's notifications, newest first, with how many are unread");
        api.MapPost("/{id:guid}/read", ReadAsync).RequirePermission(Permission.Write).RequireStaff("have notifications")
            .WithSummary("Mark one of the caller's notifications read");
        api.MapPost("/read-all", ReadAllAsync).RequirePermission(Permission.Write).RequireStaff("have notifications")
            .WithSummary("Mark all of the caller's notifications read");
        return app;
    }

    public static async Task<Results<Ok<NotificationPage>, ValidationProblem, ProblemHttpResult>> ListAsync(
        [AsParameters] ApiServices services, CancellationToken cancellationToken, int limit = DefaultLimit)
    {
        var staffId = services.StaffId;

        if (limit is < 1 or > MaxLimit)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = [$"From 1 to {MaxLimit}."] });
        }

        var mine = services.Db.StaffNotifications.AsNoTracking().Where(n => n.RecipientId == staffId);
        var items = await mine
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Take(limit)
            .Select(n => new NotificationView(n.Id, n.Kind, n.Text, n.Link, n.CreatedAt, n.ReadAt))
            .ToListAsync(cancellationToken);
        var unread = await mine.CountAsync(n => n.ReadAt == null, cancellationToken);
        return TypedResults.Ok(new NotificationPage(items, unread));
    }

    public static async Task<Results<NoContent, NotFound, ProblemHttpResult>> ReadAsync(
        Guid id, [AsParameters] ApiServices services, CancellationToken cancellationToken)
    {
        var staffId = services.StaffId;

        var notification = await services.Db.StaffNotifications.SingleOrDefaultAsync(n => n.Id == id && n.RecipientId == staffId, cancellationToken);
        if (notification is null)
        {
            return TypedResults.NotFound();
        }

        notification.MarkRead(services.Now);
        await services.Db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> ReadAllAsync(
        [AsParameters] ApiServices services, CancellationToken cancellationToken)
    {
        var staffId = services.StaffId;

        await services.Db.StaffNotifications
            .Where(n => n.RecipientId == staffId && n.ReadAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(n => n.ReadAt, (DateTimeOffset?)services.Now), cancellationToken);
        return TypedResults.NoContent();
    }
}
