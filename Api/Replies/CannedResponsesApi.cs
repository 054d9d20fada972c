using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SocialEnterprise.Api.Access;
using SocialEnterprise.Api.Routing;
using SocialEnterprise.Contracts.Access;
using SocialEnterprise.Contracts.Audit;
using SocialEnterprise.Contracts.Replies;
using SocialEnterprise.Domain.Conversations;
using SocialEnterprise.Domain.Replies;
using SocialEnterprise.Domain.Staff;
using SocialEnterprise.Infrastructure.Conversations;
using SocialEnterprise.Infrastructure.Persistence;
using SocialEnterprise.Infrastructure.Replies;

namespace SocialEnterprise.Api.Replies;

/// <summary>
/// Canned responses: used by staff of their department (or everyone's), written by admins (for anyone) and managers
/// (for their own departments); every change is audited. Rendering fills in the variables for one conversation.
/// </summary>
public static partial class CannedResponsesApi
{
    public const int MaxListed = 500;

    public static IEndpointRouteBuilder MapCannedResponsesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/canned-responses").WithTags("Canned responses");
        api.MapGet("/", ListAsync).RequirePermission(Permission.Read)
            .WithSummary("The canned responses the caller may use (their departments' and everyone's), by name; q searches name, shortcut and text");
        api.MapPost("/", CreateAsync).RequirePermission(Permission.Write).RequireOversight()
            .WithSummary("Add a canned response (admins for any department or everyone, managers for their departments)");
        api.MapPut("/{id:guid}", ChangeAsync).RequirePermission(Permission.Write).RequireOversight()
            .WithSummary("Change a canned response");
        api.MapDelete("/{id:guid}", DeleteAsync).RequirePermission(Permission.Write).RequireOversight()
            .WithSummary("Delete a canned response");

        app.MapGroup("api/conversations").WithTags("Canned responses")
            .MapPost("/{id:guid}/canned-responses/{cannedId:guid}/render", RenderAsync).RequirePermission(Permission.Read)
            .WithSummary("A canned response with its variables filled in for the conversation and the caller");
        return app;
    }

    private static RouteHandlerBuilder RequireOversight(this RouteHandlerBuilder builder) =>
        builder.RequireAuthorization(policy => policy.RequireAssertion(context => RoutingRulesApi.Oversees(Caller.From(context.User))));

    public static async Task<Ok<List<CannedResponseView>>> ListAsync(
        [AsParameters] ApiServices services, CancellationToken cancellationToken, string? q = null)
    {
        var usable = Usable(services.Db.CannedResponses.AsNoTracking(), services.Caller);
        if (!string.IsNullOrWhiteSpace(q))
        {
            var pattern = $"%{q.Trim().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal)}%";
            usable = usable.Where(c => EF.Functions.ILike(c.Name, pattern) || EF.Functions.ILike(c.Shortcut, pattern) || EF.Functions.ILike(c.Text, pattern));
        }

        var rows = await usable.OrderBy(c => c.Name).ThenBy(c => c.Id).Take(MaxListed).ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.ConvertAll(ReplyViews.CannedResponseView));
    }

    public static async Task<Results<Created<CannedResponseView>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CannedResponseRequest request, [AsParameters] ApiServices services, CancellationToken cancellationToken)
    {
        var errors = await ValidateAsync(request, services.Db, null, cancellationToken);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var department = DepartmentOf(request);
        if (!MayWrite(services.Caller, department))
        {
            return Forbidden(services.Caller);
        }

        var canned = CannedResponse.New(request.Name!.Trim(), request.Text!.Trim(), department, request.Shortcut!.Trim(), services.Caller.DisplayName, services.Now);
        services.Db.CannedResponses.Add(canned);
        services.Audit(AuditActions.CannedResponseCreated, Target(canned), Describe(canned));
        return await SaveAsync(services.Db, request, cancellationToken) is { } conflict
            ? conflict
            : TypedResults.Created($"/api/canned-responses/{canned.Id}", ReplyViews.CannedResponseView(canned));
    }

    public static async Task<Results<Ok<CannedResponseView>, NotFound, ValidationProblem, ProblemHttpResult>> ChangeAsync(
        Guid id, CannedResponseRequest request, [AsParameters] ApiServices services,
        CancellationToken cancellationToken)
    {
        var errors = await ValidateAsync(request, services.Db, id, cancellationToken);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var canned = await services.Db.CannedResponses.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (canned is null)
        {
            return TypedResults.NotFound();
        }

        var department = DepartmentOf(request);
        if (!MayWrite(services.Caller, canned.Department) || !MayWrite(services.Caller, department))
        {
            return Forbidden(services.Caller);
        }

        canned.Change(request.Name!.Trim(), request.Text!.Trim(), department, request.Shortcut!.Trim(), services.Caller.DisplayName, services.Now);
        services.Audit(AuditActions.CannedResponseChanged, Target(canned), Describe(canned));
        return await SaveAsync(services.Db, request, cancellationToken) is { } conflict ? conflict : TypedResults.Ok(ReplyViews.CannedResponseView(canned));
    }

    public static async Task<Results<NoContent, NotFound, ProblemHttpResult>> DeleteAsync(
        Guid id, [AsParameters] ApiServices services, CancellationToken cancellationToken)
    {
        var canned = await services.Db.CannedResponses.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (canned is null)
        {
            return TypedResults.NotFound();
        }

        if (!MayWrite(services.Caller, canned.Department))
        {
            return Forbidden(services.Caller);
        }

        await services.RemoveAuditedAsync(canned, AuditActions.CannedResponseDeleted, Target(canned), Describe(canned), cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<RenderedCannedResponse>, NotFound>> RenderAsync(
        Guid id, Guid cannedId, [AsParameters] ApiServices services, CancellationToken cancellationToken)
    {
        var conversation = await services.Db.Conversations.AsNoTracking().VisibleTo(services.Caller, services.Db)
            .Where(c => c.Id == id)
            .Select(c => new { c.Channel, c.Department, CustomerName = services.Db.Customers.Where(x => x.Id == c.CustomerId).Select(x => x.DisplayName).First() })
            .SingleOrDefaultAsync(cancellationToken);
        var canned = await Usable(services.Db.CannedResponses.AsNoTracking(), services.Caller).SingleOrDefaultAsync(c => c.Id == cannedId, cancellationToken);
        if (conversation is null || canned is null)
        {
            return TypedResults.NotFound();
        }

        var departmentName = await services.Db.Departments.Where(d => d.Id == conversation.Department).Select(d => d.Name).SingleOrDefaultAsync(cancellationToken)
            ?? conversation.Department;
        var values = new TemplateValues(conversation.CustomerName, services.Caller.DisplayName, conversation.Channel, departmentName);
        return TypedResults.Ok(new RenderedCannedResponse(canned.Id, canned.Name, CannedResponseTemplate.Render(canned.Text, values)));
    }

    /// <summary>What the caller may use: everyone's and their departments' (admins and read-everything keys: all).</summary>
    private static IQueryable<CannedResponse> Usable(IQueryable<CannedResponse> canned, Caller caller)
    {
        if (caller.SeesEverything)
        {
            return canned;
        }

        var departments = caller.Departments.ToList();
        return canned.Where(c => c.Department == null || departments.Contains(c.Department));
    }

    private static bool MayWrite(Caller caller, string? department) =>
        caller.IsAdmin || department is not null && caller.Departments.Contains(department);

    private static ProblemHttpResult Forbidden(Caller caller) => TypedResults.Problem(
        caller.IsAdmin ? "Not allowed." : $"Managers write canned responses for their own departments ({string.Join(", ", caller.Departments.Order(StringComparer.Ordinal))}); only admins write them for everyone.",
        statusCode: StatusCodes.Status403Forbidden, title: "Forbidden");

    private static string? DepartmentOf(CannedResponseRequest request) =>
        string.IsNullOrWhiteSpace(request.Department) ? null : request.Department.Trim();

    private static async Task<Dictionary<string, string[]>> ValidateAsync(
        CannedResponseRequest request, CrmDbContext db, Guid? id, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > ReplyLimits.MaxCannedNameLength)
        {
            errors["name"] = [$"A name, 1 to {ReplyLimits.MaxCannedNameLength} characters."];
        }

        var text = request.Text?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > ReplyLimits.MaxTextLength)
        {
            errors["text"] = [$"The text, 1 to {ReplyLimits.MaxTextLength} characters."];
        }
        else if (CannedResponseTemplate.Problems(text) is { Count: > 0 } problems)
        {
            errors["text"] = [.. problems];
        }

        if (DepartmentOf(request) is { } department && !Department.Standard.Any(d => d.Id == department))
        {
            errors["department"] = [$"One of: {string.Join(", ", Department.Standard.Select(d => d.Id))}, or none for everyone."];
        }

        var shortcut = request.Shortcut?.Trim();
        if (string.IsNullOrEmpty(shortcut) || shortcut.Length > ReplyLimits.MaxCannedShortcutLength || !ShortcutPattern().IsMatch(shortcut))
        {
            errors["shortcut"] = [$"1 to {ReplyLimits.MaxCannedShortcutLength} lower-case letters, digits or hyphens, such as thanks or refund-policy."];
        }
        else if (await db.CannedResponses.Where(c => c.Shortcut == shortcut && c.Id != id).Select(c => c.Name).FirstOrDefaultAsync(cancellationToken) is { } taken)
        {
            errors["shortcut"] = [$"Already the shortcut of \"{taken}\"."];
        }

        return errors;
    }

    private static async Task<ValidationProblem?> SaveAsync(CrmDbContext db, CannedResponseRequest request, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateException exception) when (DatabaseErrors.IsUniqueViolation(exception))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["shortcut"] = [$"Already the shortcut of another canned response: {request.Shortcut}."] });
        }
    }

    private static string Target(CannedResponse canned) => $"canned-response/{canned.Id}";

    private static string Describe(CannedResponse canned) =>
        $"{canned.Name} (/{canned.Shortcut}, {canned.Department ?? "everyone"}): {Conversation.PreviewOf(canned.Text)}";

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex ShortcutPattern();
}
