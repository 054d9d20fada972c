using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using SocialEnterprise.Api.Access;
using SocialEnterprise.Api.Audit;
using SocialEnterprise.Contracts.Access;
using SocialEnterprise.Contracts.Audit;
using SocialEnterprise.Contracts.Reports;
using SocialEnterprise.Contracts.Staff;
using SocialEnterprise.Infrastructure.Reports;

namespace SocialEnterprise.Api.Reports;

/// <summary>
/// The SLA and operations report and its CSV export, for those who oversee the work: admins see every department,
/// managers only their own (the report is narrowed to them, and asking for another department is refused with 403).
/// </summary>
public static class ReportsApi
{
    public const string CsvHeader =
        "conversation_id,metric,department,agent_id,agent,channel,priority,policy,target_seconds,started_at,stopped_at,elapsed_seconds,outcome,breached_at,result";

    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/reports")
            .WithTags("Reports")
            .RequirePermission(Permission.Read)
            .RequireAuthorization(policy => policy.RequireAssertion(context => Oversees(Caller.From(context.User))));

        api.MapGet("/service-levels", GetAsync)
            .WithSummary("SLA compliance, response and resolution times, breaches over time, CSAT and volume for a range and filters");
        api.MapGet("/service-levels.csv", ExportAsync)
            .WithSummary("Every clock of the report's range and filters as CSV, one row per clock (the export is audited)");
        return app;
    }

    /// <summary>Admins (staff or key) and managers; agents and members work conversations, they do not read reports.</summary>
    public static bool Oversees(Caller caller) => caller.IsAdmin || caller.Kind == CallerKind.Staff && caller.Roles.Contains(StaffRoles.Manager);

    public static async Task<Results<Ok<ServiceLevelReport>, ValidationProblem, ProblemHttpResult>> GetAsync(
        [AsParameters] ServiceLevelReportQuery query, [AsParameters] ReportServices services,
        CancellationToken cancellationToken)
    {
        var (range, scope, refused) = Plan(query, services);
        if (refused is not null)
        {
            return refused;
        }

        return TypedResults.Ok(await ServiceLevelReports.ReadAsync(services.DataSource, query, range, scope!.Departments, cancellationToken));
    }

    public static async Task<Results<PushStreamHttpResult, ValidationProblem, ProblemHttpResult>> ExportAsync(
        [AsParameters] ServiceLevelReportQuery query, [AsParameters] ReportServices services,
        CancellationToken cancellationToken)
    {
        var (range, scope, refused) = Plan(query, services);
        if (refused is not null)
        {
            return refused;
        }

        // Audited before the first byte leaves: an export that is cut short was still an export.
        var covered = scope!.Departments is null ? "all departments" : $"departments {string.Join(", ", scope!.Departments)}";
        await services.SaveAuditedAsync(
            AuditActions.ReportExported, "service-levels", $"{range.From:O} to {range.To:O}; {covered}; {query}", cancellationToken);

        return TypedResults.Stream(
            async body =>
            {
                await using var writer = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 64 * 1024);
                await writer.WriteAsync(CsvHeader + "\n");
                await ServiceLevelReports.ForEachClockAsync(
                    services.DataSource, query, range, scope!.Departments, clock => writer.WriteAsync(CsvRow(clock)), cancellationToken);
            },
            "text/csv",
            $"service-levels-{range.From:yyyyMMdd}-{range.To:yyyyMMdd}.csv");
    }

    public static string CsvRow(ReportClock clock) => string.Join(',',
        clock.ConversationId.ToString("D", CultureInfo.InvariantCulture),
        clock.Metric,
        AuditApi.Csv(clock.Department),
        clock.AgentId?.ToString("D", CultureInfo.InvariantCulture) ?? "",
        AuditApi.Csv(clock.AgentName),
        AuditApi.Csv(clock.Channel),
        AuditApi.Csv(clock.Priority),
        AuditApi.Csv(clock.Policy),
        Seconds(clock.TargetSeconds),
        Instant(clock.StartedAt),
        Instant(clock.StoppedAt),
        Seconds(clock.ElapsedSeconds),
        clock.Outcome,
        Instant(clock.BreachedAt),
        clock.Result) + "\n";

    private static string Seconds(double seconds) => seconds.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Instant(DateTimeOffset? instant) =>
        instant?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "";

    /// <summary>
    /// The range and departments of the report the caller asked for, or why they do not get it: the fields that are
    /// not valid (400), or a department that is not theirs (403).
    /// </summary>
    private static (ReportRange Range, ReportScope? Scope, ProblemHttpResult? Refused) Plan(ServiceLevelReportQuery query, ApiServices services)
    {
        var (errors, range) = query.Validate(services.Now);
        if (errors.Count > 0)
        {
            return (range, null, TypedResults.Problem(new HttpValidationProblemDetails(errors) { Status = StatusCodes.Status400BadRequest }));
        }

        return Scope(services.Caller, query) is { } scope ? (range, scope, null) : (range, null, Forbidden(query));
    }

    /// <summary>
    /// The departments the caller's report covers (null: every one), or null when they asked for a department that
    /// is not theirs.
    /// </summary>
    private static ReportScope? Scope(Caller caller, ServiceLevelReportQuery query)
    {
        if (caller.IsAdmin)
        {
            return new ReportScope(query.Department is { } department ? [department] : null);
        }

        var own = caller.Departments.Order(StringComparer.Ordinal).ToList();
        if (query.Department is { } asked)
        {
            return own.Contains(asked, StringComparer.Ordinal) ? new ReportScope([asked]) : null;
        }

        return new ReportScope(own);
    }

    private static ProblemHttpResult Forbidden(ServiceLevelReportQuery query) => TypedResults.Problem(
        $"Managers read the reports of their own departments; {query.Department} is not one of them.",
        statusCode: StatusCodes.Status403Forbidden, title: "Forbidden",
        extensions: new Dictionary<string, object?> { ["field"] = "department" });

    private sealed record ReportScope(IReadOnlyList<string>? Departments);
}
