using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SocialEnterprise.Api.Access;
using SocialEnterprise.Contracts.Access;
using SocialEnterprise.Contracts.Conversations;
using SocialEnterprise.Domain.Conversations;
using SocialEnterprise.Infrastructure.Conversations;
using SocialEnterprise.Infrastructure.Persistence;

namespace SocialEnterprise.Api.Conversations;

/// <summary>A staff member's saved inbox views, and how many conversations each view holds.</summary>
public static class InboxViewsApi
{
    public static IEndpointRouteBuilder MapInboxViewsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/inbox").WithTags("Inbox");

        api.MapGet("/views", ListAsync).RequirePermission(Permission.Read)
            .WithSummary("The caller's saved inbox views");
        api.MapPost("/views", SaveAsync).RequirePermission(Permission.Write).RequireStaff("save inbox views")
            .WithSummary("Save an inbox view: a name and the inbox query string it shows");
        api.MapDelete("/views/{id:guid}", DeleteAsync).RequirePermission(Permission.Write)
            .WithSummary("Delete one of the caller's saved views");
        api.MapGet("/counts", CountsAsync).RequirePermission(Permission.Read)
            .WithSummary("How many conversations the caller sees in each built-in and saved view (capped at 1,000)");
        return app;
    }

    public static async Task<Ok<List<SavedViewView>>> ListAsync([AsParameters] ApiServices services, CancellationToken cancellationToken)
    {
        var staffId = services.Caller.StaffId;
        var views = staffId is null
            ? []
            : await services.Db.SavedInboxViews.AsNoTracking()
                .Where(v => v.StaffId == staffId)
                .OrderBy(v => v.CreatedAt)
                .Select(v => new SavedViewView(v.Id, v.Name, v.Query))
                .ToListAsync(cancellationToken);
        return TypedResults.Ok(views);
    }

    public static async Task<Results<Created<SavedViewView>, ValidationProblem, ProblemHttpResult>> SaveAsync(
        SavedViewRequest request, [AsParameters] ApiServices services, CancellationToken cancellationToken)
    {
        var staffId = services.StaffId;

        var name = request.Name?.Trim();
        var query = InboxQuery.Parse(request.Query);
        var errors = query.Validate().ToDictionary(pair => $"query.{pair.Key}", pair => pair.Value, StringComparer.Ordinal);
        if (string.IsNullOrEmpty(name) || name.Length > SavedViewLimits.MaxNameLength)
        {
            errors["name"] = [$"1 to {SavedViewLimits.MaxNameLength} characters."];
        }
        else if (await services.Db.SavedInboxViews.AnyAsync(v => v.StaffId == staffId && v.Name == name, cancellationToken))
        {
            errors["name"] = ["You already have a view with this name."];
        }

        if (request.Query is { Length: > 1000 })
        {
            errors["query"] = ["At most 1000 characters."];
        }

        if (errors.Count == 0 && await services.Db.SavedInboxViews.CountAsync(v => v.StaffId == staffId, cancellationToken) >= SavedInboxView.MaxPerStaffMember)
        {
            errors["name"] = [$"At most {SavedInboxView.MaxPerStaffMember} saved views; delete one first."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var view = SavedInboxView.Save(staffId, name!, query, services.Now);
        services.Db.SavedInboxViews.Add(view);
        try
        {
            await services.Db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (DatabaseErrors.IsUniqueViolation(exception))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["name"] = ["You already have a view with this name."] });
        }

        return TypedResults.Created($"/api/inbox/views/{view.Id}", new SavedViewView(view.Id, view.Name, view.Query));
    }

    public static async Task<Results<NoContent, NotFound>> DeleteAsync(Guid id, [AsParameters] ApiServices services, CancellationToken cancellationToken)
    {
        var staffId = services.Caller.StaffId;
        var deleted = await services.Db.SavedInboxViews.Where(v => v.Id == id && v.StaffId == staffId).ExecuteDeleteAsync(cancellationToken);
        return deleted == 0 ? TypedResults.NotFound() : TypedResults.NoContent();
    }

    public static async Task<Ok<List<InboxViewCount>>> CountsAsync(
        [AsParameters] ApiServices services, CancellationToken cancellationToken)
    {
        var counts = new List<InboxViewCount>();
        foreach (var (key, name, query) in BuiltInInboxViews.All)
        {
            var (count, capped) = await ConversationsApi.CountAsync(query.Apply(services.Db.Conversations, services.Caller, services.Db, services.Now), cancellationToken);
            counts.Add(new InboxViewCount(key, name, query.ToQueryString(), count, capped));
        }

        if (services.Caller.StaffId is { } staffId)
        {
            var saved = await services.Db.SavedInboxViews.AsNoTracking().Where(v => v.StaffId == staffId).OrderBy(v => v.CreatedAt).ToListAsync(cancellationToken);
            foreach (var view in saved)
            {
                var (count, capped) = await ConversationsApi.CountAsync(
                    InboxQuery.Parse(view.Query).Apply(services.Db.Conversations, services.Caller, services.Db, services.Now), cancellationToken);
                counts.Add(new InboxViewCount($"saved:{view.Id:N}", view.Name, view.Query, count, capped, view.Id));
            }
        }

        return TypedResults.Ok(counts);
    }
}
