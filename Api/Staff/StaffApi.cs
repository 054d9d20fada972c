using System.Net.Mail;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SocialEnterprise.Api.Access;
using SocialEnterprise.Contracts.Access;
using SocialEnterprise.Contracts.Assignment;
using SocialEnterprise.Contracts.Audit;
using SocialEnterprise.Contracts.Conversations;
using SocialEnterprise.Contracts.Staff;
using SocialEnterprise.Domain.Staff;
using SocialEnterprise.Infrastructure.Conversations;
using SocialEnterprise.Infrastructure.Persistence;
using SocialEnterprise.Infrastructure.Staff;

namespace SocialEnterprise.Api.Staff;

/// <summary>The company's staff directory: who can be assigned, mentioned or consulted.</summary>
public static class StaffApi
{
    public static IEndpointRouteBuilder MapStaffApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/staff").WithTags("Staff");
        api.MapGet("/", ListAsync).RequirePermission(Permission.Read)
            .WithSummary("Staff members with their departments, optionally of one department");
        api.MapGet("/{id:guid}", GetAsync).RequirePermission(Permission.Read)
            .WithSummary("A staff member's skills, capacity, availability and open assigned conversations");
        api.MapPost("/", AddAsync).RequirePermission(Permission.Administer)
            .WithSummary("Add a staff member: e-mail, name, role, departments and a first password (they can then sign in)");
        api.MapPut("/{id:guid}", ChangeAsync).RequirePermission(Permission.Administer)
            .WithSummary("Set a staff member's capacity (open conversations at once) and skills (topic keys)");
        api.MapPut("/{id:guid}/availability", ChangeAvailabilityAsync).RequirePermission(Permission.Write)
            .WithSummary("Set availability (available, away, offline): your own, or as a manager or admin anyone's in your departments");
        return app;
    }

    public static async Task<Results<Ok<List<StaffMemberView>>, ValidationProblem>> ListAsync(
        [AsParameters] StaffServices services, CancellationToken cancellationToken, string? department = null)
    {
        if (department is not null && !Department.Standard.Any(d => d.Id == department))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["department"] = [$"One of: {string.Join(", ", Department.Standard.Select(d => d.Id))}."],
            });
        }

        var staff = await services.Db.Users.AsNoTracking()
            .Where(u => department == null || u.Departments.Any(d => d.DepartmentId == department))
            .OrderBy(u => u.DisplayName)
            .Select(u => new StaffMemberView(u.Id, u.DisplayName, u.Departments.Select(d => d.DepartmentId).Order().ToList()))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(staff);
    }

    public static async Task<Results<Ok<StaffProfileView>, NotFound>> GetAsync(Guid id, [AsParameters] StaffServices services, CancellationToken cancellationToken)
    {
        var profile = await services.Db.Users.AsNoTracking()
            .Where(u => u.Id == id)
            .Select(u => new StaffProfileView(
                u.Id, u.DisplayName, u.Departments.Select(d => d.DepartmentId).Order().ToList(), u.Skills, u.Capacity, u.Availability,
                services.Db.Conversations.Count(c => c.AssigneeId == u.Id && c.Status == ConversationStatuses.Open)))
            .SingleOrDefaultAsync(cancellationToken);
        return profile is null ? TypedResults.NotFound() : TypedResults.Ok(profile);
    }

    public static async Task<Results<Created<StaffProfileView>, ValidationProblem>> AddAsync(
        NewStaffRequest request, [AsParameters] StaffServices services,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var email = request.Email?.Trim() ?? "";
        var name = request.DisplayName?.Trim() ?? "";
        var departments = (request.Departments ?? []).Select(d => d?.Trim() ?? "").Distinct(StringComparer.Ordinal).ToList();
        if (!MailAddress.TryCreate(email, out var address) || address.Address != email || email.Length > 256)
        {
            errors["email"] = ["An e-mail address."];
        }
        else if (await services.Users.FindByEmailAsync(email) is not null)
        {
            errors["email"] = ["A staff member with this e-mail address exists already."];
        }

        if (name.Length is 0 or > StaffLimits.MaxDisplayNameLength)
        {
            errors["displayName"] = [$"1 to {StaffLimits.MaxDisplayNameLength} characters."];
        }

        if (request.Role is null || !StaffRoles.All.Contains(request.Role))
        {
            errors["role"] = [$"One of: {string.Join(", ", StaffRoles.All)}."];
        }

        if (departments.Count == 0 || departments.Any(d => !Department.Standard.Any(known => known.Id == d)))
        {
            errors["departments"] = [$"One or more of: {string.Join(", ", Department.Standard.Select(d => d.Id))}."];
        }

        if (request.Capacity is < 0 or > StaffLimits.MaxCapacity)
        {
            errors["capacity"] = [$"From 0 to {StaffLimits.MaxCapacity} open conversations."];
        }

        var skills = SkillsOf(request.Skills) ?? [];
        if (await SkillsProblemAsync(services.Db, skills, cancellationToken) is { } skillsProblem)
        {
            errors["skills"] = [skillsProblem];
        }

        var staff = new StaffUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, Skills = skills };
        if (request.Capacity is { } capacity)
        {
            staff.Capacity = capacity;
        }

        // The password rules are Identity's (12+ characters, upper and lower case, a digit): asked before anything is stored.
        foreach (var validator in services.Users.PasswordValidators)
        {
            var checkedPassword = await validator.ValidateAsync(services.Users, staff, request.Password ?? "");
            if (!checkedPassword.Succeeded)
            {
                errors["password"] = [.. checkedPassword.Errors.Select(error => error.Description)];
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        staff.Departments.AddRange(departments.Select(department => new DepartmentMembership { DepartmentId = department }));
        // The user, their role and the audit record are kept together or not at all.
        var failed = await services.Db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            await using var transaction = await services.Db.Database.BeginTransactionAsync(token);
            var created = await services.Users.CreateAsync(staff, request.Password!);
            if (created.Succeeded)
            {
                created = await services.Users.AddToRoleAsync(staff, request.Role!);
            }

            if (!created.Succeeded)
            {
                return created.Errors.Select(error => error.Description).ToArray();
            }

            await services.SaveAuditedAsync(
                AuditActions.StaffAdded, $"staff/{staff.Id}", $"{name} <{email}> as {request.Role} in {string.Join(", ", departments)}", token);
            await transaction.CommitAsync(token);
            return null;
        }, cancellationToken);
        if (failed is not null)
        {
            // A race on the same e-mail address, or a rule Identity checks itself: nothing is kept.
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["email"] = failed });
        }

        return TypedResults.Created(
            $"/api/staff/{staff.Id}",
            new StaffProfileView(staff.Id, staff.DisplayName, departments.Order(StringComparer.Ordinal).ToList(), staff.Skills, staff.Capacity, staff.Availability, 0));
    }

    public static async Task<Results<NoContent, NotFound, ValidationProblem>> ChangeAsync(
        Guid id, StaffSettingsRequest request, [AsParameters] StaffServices services,
        CancellationToken cancellationToken)
    {
        var staff = await services.Db.Users.Include(u => u.Departments).SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (staff is null)
        {
            return TypedResults.NotFound();
        }

        var errors = new Dictionary<string, string[]>();
        if (request.Capacity is < 0 or > StaffLimits.MaxCapacity)
        {
            errors["capacity"] = [$"From 0 to {StaffLimits.MaxCapacity} open conversations."];
        }

        var skills = SkillsOf(request.Skills);
        if (skills is not null && await SkillsProblemAsync(services.Db, skills, cancellationToken) is { } skillsProblem)
        {
            errors["skills"] = [skillsProblem];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var changes = new List<string>();
        var roomGrew = false;
        if (request.Capacity is { } capacity && capacity != staff.Capacity)
        {
            changes.Add($"capacity {staff.Capacity} -> {capacity}");
            roomGrew = capacity > staff.Capacity;
            staff.Capacity = capacity;
        }

        if (skills is not null && !skills.Order(StringComparer.Ordinal).SequenceEqual(staff.Skills.Order(StringComparer.Ordinal)))
        {
            changes.Add($"skills {(skills.Count == 0 ? "none" : string.Join(", ", skills))}");
            staff.Skills = skills;
        }

        if (changes.Count > 0)
        {
            await services.SaveAuditedAsync(AuditActions.StaffChanged, $"staff/{id}", $"{staff.DisplayName}: {string.Join("; ", changes)}", cancellationToken);
            if (roomGrew)
            {
                await services.Assignment.DrainAsync(staff.Departments.Select(d => d.DepartmentId), cancellationToken);
            }
        }

        return TypedResults.NoContent();
    }

    public static async Task<Results<NoContent, NotFound, ValidationProblem, ProblemHttpResult>> ChangeAvailabilityAsync(
        Guid id, AvailabilityRequest request, [AsParameters] StaffServices services,
        CancellationToken cancellationToken)
    {
        var staff = await services.Db.Users.Include(u => u.Departments).SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (staff is null)
        {
            return TypedResults.NotFound();
        }

        var departments = staff.Departments.Select(d => d.DepartmentId).ToList();
        var mayChange = services.Caller.StaffId == id || services.Caller.IsAdmin
            || services.Caller.Kind == CallerKind.Staff && services.Caller.Roles.Contains(StaffRoles.Manager) && departments.Any(services.Caller.Departments.Contains);
        if (!mayChange)
        {
            return TypedResults.Problem(
                "Staff set their own availability; managers set that of their departments' members, admins anyone's.",
                statusCode: StatusCodes.Status403Forbidden);
        }

        if (request.Availability is not { } availability || !StaffAvailability.All.Contains(availability))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["availability"] = [$"One of: {string.Join(", ", StaffAvailability.All)}."],
            });
        }

        if (staff.Availability != availability)
        {
            var from = staff.Availability;
            staff.Availability = availability;
            await services.SaveAuditedAsync(AuditActions.StaffChanged, $"staff/{id}", $"{staff.DisplayName}: availability {from} -> {availability}", cancellationToken);
            if (availability == StaffAvailability.Available)
            {
                await services.Assignment.DrainAsync(departments, cancellationToken);
            }
        }

        return TypedResults.NoContent();
    }

    private static List<string>? SkillsOf(IReadOnlyList<string>? skills) =>
        skills?.Select(skill => skill?.Trim() ?? "").Distinct(StringComparer.Ordinal).ToList();

    /// <summary>What is wrong with a staff member's skills, which are topic keys of the catalogue, if anything.</summary>
    private static async Task<string?> SkillsProblemAsync(CrmDbContext db, List<string> skills, CancellationToken cancellationToken)
    {
        if (skills.Count > StaffCapacity.MaxSkills)
        {
            return $"At most {StaffCapacity.MaxSkills} skills.";
        }

        var known = await db.Topics.Select(t => t.Key).ToListAsync(cancellationToken);
        var unknown = skills.Where(skill => !known.Contains(skill)).ToList();
        return unknown.Count > 0 ? $"Topic keys from the catalogue; not topics: {string.Join(", ", unknown)}." : null;
    }
}
