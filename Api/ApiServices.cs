using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SocialEnterprise.Api.Access;
using SocialEnterprise.Contracts.Access;
using SocialEnterprise.Infrastructure.Persistence;

namespace SocialEnterprise.Api;

/// <summary>
/// What every endpoint group depends on — the database, the clock and the caller — bound per request with
/// <c>[AsParameters]</c>, and the one way a change of consequence is saved: together with its audit entry, in one
/// transaction. Groups that need more derive from it (eShop's <c>CatalogServices</c>).
/// </summary>
public class ApiServices(CrmDbContext db, TimeProvider time, RequestContext context)
{
    private DateTimeOffset? _now;

    public CrmDbContext Db { get; } = db;

    public TimeProvider Time { get; } = time;

    public RequestContext Context { get; } = context;

    public Caller Caller => Context.Caller;

    /// <summary>The calling staff member, on endpoints that <c>RequireStaff</c>.</summary>
    public Guid StaffId => Caller.StaffId ?? throw new InvalidOperationException("Only endpoints that RequireStaff read the caller's staff id.");

    /// <summary>The request's instant, read once: what it changes and the audit entry of it carry the same time.</summary>
    public DateTimeOffset Now => _now ??= Time.GetUtcNow();

    /// <summary>Saves what the request changed, with the audit entry saying who did what to which target.</summary>
    public async Task SaveAuditedAsync(string action, string? target, string? detail, CancellationToken cancellationToken)
    {
        Audit(action, target, detail);
        await Db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Adds the audit entry of what the request changed; it is saved with the change.</summary>
    public void Audit(string action, string? target = null, string? detail = null) => Db.AuditLog.Add(Context.Audit(Now, action, target, detail));

    /// <summary>Deletes <paramref name="entity"/> and records who deleted it, in one save.</summary>
    public Task RemoveAuditedAsync(object entity, string action, string target, string? detail, CancellationToken cancellationToken)
    {
        Db.Remove(entity);
        return SaveAuditedAsync(action, target, detail, cancellationToken);
    }

    /// <summary>Deletes the one entity <paramref name="which"/> finds and records who deleted it; NotFound when there is none.</summary>
    public async Task<Results<NoContent, NotFound>> RemoveAuditedAsync<T>(
        IQueryable<T> which, string action, Func<T, string> target, Func<T, string?> describe, CancellationToken cancellationToken)
        where T : class
    {
        if (await which.SingleOrDefaultAsync(cancellationToken) is not { } entity)
        {
            return TypedResults.NotFound();
        }

        await RemoveAuditedAsync(entity, action, target(entity), describe(entity), cancellationToken);
        return TypedResults.NoContent();
    }
}
