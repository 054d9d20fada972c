using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SocialEnterprise.Api.Access;
using SocialEnterprise.Contracts.Access;
using SocialEnterprise.Contracts.Audit;
using SocialEnterprise.Domain.Audit;
using SocialEnterprise.Infrastructure.Audit;

namespace SocialEnterprise.Api.Audit;

public static class AuditApi
{
    public const int MaxPage = 200;
    public const int MaxExport = 100_000;

    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/admin/audit")
            .WithTags("Audit log")
            .RequirePermission(Permission.Administer);

        api.MapGet("/", Search).WithSummary("The audit log, newest first, filtered by action, actor and time");
        api.MapGet("/export", Export).WithSummary("The filtered audit log as CSV (the export itself is audited)");
        return app;
    }

    public static async Task<Results<Ok<AuditPage>, ValidationProblem>> Search(
        [AsParameters] AuditFilter filter, [AsParameters] ApiServices services, long? before, int take = 50, CancellationToken cancellationToken = default)
    {
        var errors = filter.Validate();
        if (take is < 1 or > MaxPage)
        {
            errors["take"] = [$"Between 1 and {MaxPage}."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var query = filter.Apply(services.Db.AuditLog.AsNoTracking());
        if (before is { } cursor)
        {
            query = query.Where(entry => entry.Id < cursor);
        }

        var entries = await query.OrderByDescending(entry => entry.Id).Take(take + 1).ToListAsync(cancellationToken);
        var page = entries.Take(take).Select(AuditViews.AuditEntryResponse).ToList();
        return TypedResults.Ok(new AuditPage(page, entries.Count > take ? page[^1].Id : null));
    }

    public static async Task<Results<FileContentHttpResult, ValidationProblem>> Export(
        [AsParameters] AuditFilter filter, [AsParameters] ApiServices services,
        CancellationToken cancellationToken)
    {
        var errors = filter.Validate();
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var entries = await filter.Apply(services.Db.AuditLog.AsNoTracking())
            .OrderByDescending(entry => entry.Id)
            .Take(MaxExport)
            .ToListAsync(cancellationToken);

        await services.SaveAuditedAsync(AuditActions.AuditExported, null, $"{entries.Count} entries; {filter}", cancellationToken);

        var csv = new StringBuilder("id,occurred_at,actor,actor_kind,action,target,detail,address\n");
        foreach (var entry in entries)
        {
            csv.AppendJoin(',',
                entry.Id.ToString(CultureInfo.InvariantCulture),
                entry.OccurredAt.ToString("O", CultureInfo.InvariantCulture),
                Csv(entry.Actor), entry.ActorKind, entry.Action, Csv(entry.Target), Csv(entry.Detail), Csv(entry.Address));
            csv.Append('\n');
        }

        return TypedResults.File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv", $"audit-{services.Now:yyyyMMdd-HHmmss}.csv");
    }

    /// <summary>RFC 4180 quoting, and a leading quote against formulas when the file is opened in a spreadsheet.</summary>
    internal static string Csv(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        var text = value[0] is '=' or '+' or '-' or '@' ? "'" + value : value;
        return text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
    }
}

/// <summary>The filters of the audit log: an exact action, part of an actor's name, a time range.</summary>
public sealed record AuditFilter(string? Action, string? Actor, DateTimeOffset? Since, DateTimeOffset? Until)
{
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (Action is { Length: > 0 } action && !AuditActions.All.Contains(action))
        {
            errors["action"] = [$"One of: {string.Join(", ", AuditActions.All)}."];
        }

        if (Since > Until)
        {
            errors["since"] = ["Must not be after until."];
        }

        return errors;
    }

    public IQueryable<AuditEntry> Apply(IQueryable<AuditEntry> entries)
    {
        if (Action is { Length: > 0 } action)
        {
            entries = entries.Where(entry => entry.Action == action);
        }

        if (Actor is { Length: > 0 } actor)
        {
            var pattern = $"%{actor.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal)}%";
            entries = entries.Where(entry => EF.Functions.ILike(entry.Actor, pattern));
        }

        if (Since is { } since)
        {
            entries = entries.Where(entry => entry.OccurredAt >= since);
        }

        if (Until is { } until)
        {
            entries = entries.Where(entry => entry.OccurredAt <= until);
        }

        return entries;
    }
}
