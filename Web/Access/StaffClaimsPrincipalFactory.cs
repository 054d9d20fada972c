using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialEnterprise.Contracts.Access;
using SocialEnterprise.Contracts.Staff;

namespace SocialEnterprise.Web.Access;

/// <summary>The sign-in cookie carries the staff member's display name and departments beside Identity's own claims.</summary>
internal sealed class StaffClaimsPrincipalFactory(
    UserManager<StaffAccount> users, RoleManager<IdentityRole<Guid>> roles, IOptions<IdentityOptions> options, WorkspaceIdentityDbContext db)
    : UserClaimsPrincipalFactory<StaffAccount, IdentityRole<Guid>>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StaffAccount user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(AccessClaims.DisplayName, user.DisplayName));
        var departments = await db.Departments
            .Where(membership => membership.StaffUserId == user.Id)
            .Select(membership => membership.DepartmentId)
            .ToListAsync();
        identity.AddClaims(departments.Select(department => new Claim(AccessClaims.Department, department)));
        return identity;
    }
}

/// <summary>A signed-in staff member as the workspace shows them, read from the sign-in cookie's principal.</summary>
public sealed record StaffMember(Guid Id, string Name, string DisplayName, IReadOnlyList<string> Roles, IReadOnlyList<string> Departments)
{
    public static StaffMember? From(ClaimsPrincipal principal) =>
        principal.Identity?.IsAuthenticated == true
        && Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id)
            ? new StaffMember(
                id,
                principal.Identity.Name ?? "",
                principal.FindFirstValue(AccessClaims.DisplayName) ?? principal.Identity.Name ?? "",
                [.. principal.FindAll(ClaimTypes.Role).Select(claim => claim.Value).Order()],
                [.. principal.FindAll(AccessClaims.Department).Select(claim => claim.Value).Order()])
            : null;

    public bool IsAdmin => Roles.Contains(StaffRoles.Admin);

    /// <summary>The staff member as the access rules see them, so that the workspace asks the same rules as the Api.</summary>
    public Caller AsCaller() => new(
        CallerKind.Staff, Name, Roles.ToHashSet(StringComparer.Ordinal), Departments.ToHashSet(StringComparer.Ordinal), new HashSet<string>())
    {
        StaffId = Id,
    };

    /// <summary>The token by which the workspace calls the Api as this staff member.</summary>
    public string TokenFrom(StaffTokens tokens) =>
        tokens.IssueFor(CallerKind.Staff, Id.ToString(), Name, DisplayName, Roles, Departments);
}
