using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SocialEnterprise.Api.Access;
using SocialEnterprise.Contracts.Access;
using SocialEnterprise.Contracts.Collaboration;
using SocialEnterprise.Infrastructure.Collaboration;

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
            .WithSummary("The caller's notifications, newest first, each subject of a conversation folded into its latest (kind: mentions, consults, approvals, assignments, sla, activity), with how many are unread");
        api.MapPost("/{id:guid}/read", ReadAsync).RequirePermission(Permission.Write).RequireStaff("have notifications")
            .WithSummary("Mark one of the caller's notifications read");
        api.MapPost("/read-all", ReadAllAsync).RequirePermission(Permission.Write).RequireStaff("have notifications")
            .WithSummary("Mark all of the caller's notifications read");
        return app;
    }

    public static async Task<Results<Ok<NotificationPage>, ValidationProblem, ProblemHttpResult>> ListAsync(
        [AsParameters] ApiServices services, CancellationToken cancellationToken, int limit = DefaultLimit, string? kind = null)
    {
        var errors = new Dictionary<string, string[]>();
        if (limit is < 1 or > MaxLimit)
        {
            errors["limit"] = [$"From 1 to {MaxLimit}."];
        }

        var group = kind is null ? null : NotificationKinds.Groups.FirstOrDefault(g => g.Id == kind);
        if (kind is not null && group is null)
        {
            errors["kind"] = [$"One of {string.Join(", ", NotificationKinds.Groups.Select(g => g.Id))}."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return TypedResults.Ok(await NotificationCentre.ListAsync(
            services.Db, services.StaffId, group?.Kinds ?? NotificationKinds.All, limit, cancellationToken));
    }

    public static async Task<Results<NoContent, NotFound, ProblemHttpResult>> ReadAsync(
        Guid id, [AsParameters] ApiServices services, CancellationToken cancellationToken)
    {
        return await NotificationCentre.MarkReadAsync(services.Db, services.StaffId, id, services.Now, cancellationToken)
            ? TypedResults.NoContent()
            : TypedResults.NotFound();
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
