using System.Security.Claims;
using SocialEnterprise.Contracts.Staff;

namespace SocialEnterprise.Contracts.Access;

/// <summary>The claim types of staff tokens and API-key principals (short JWT names, not the long SOAP URIs).</summary>
public static class AccessClaims
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string DisplayName = "display_name";
    public const string Role = "role";
    public const string Department = "dept";
    public const string Scope = "scope";
    public const string Kind = "kind";
}

/// <summary>Who is calling: a signed-in staff member, the workspace itself, or an integration with an API key.</summary>
public enum CallerKind
{
    Anonymous,
    Staff,
    Workspace,
    ApiKey,
}

/// <summary>The things the Api lets callers do; every endpoint requires exactly one.</summary>
public enum Permission
{
    /// <summary>Read what the caller's role and departments allow.</summary>
    Read,

    /// <summary>Act: send replies, notes, probes.</summary>
    Write,

    /// <summary>Post channel events (integrations only).</summary>
    Ingest,

    /// <summary>Manage keys, read the audit log, see everything.</summary>
    Administer,
}

/// <summary>A caller as the access rules see it, read from the claims of its principal.</summary>
public sealed record Caller(
    CallerKind Kind, string Name, IReadOnlySet<string> Roles, IReadOnlySet<string> Departments, IReadOnlySet<string> Scopes)
{
    public static readonly Caller Anonymous = new(CallerKind.Anonymous, "anonymous", new HashSet<string>(), new HashSet<string>(), new HashSet<string>());

    /// <summary>The staff member's user id, for a staff caller.</summary>
    public Guid? StaffId { get; init; }

    /// <summary>The name colleagues know the caller by (a staff member's display name), else <see cref="Name"/>.</summary>
    public string DisplayName { get; init; } = "";

    /// <summary>The department a staff member acts for when they note or change something: their first, or none.</summary>
    public string PrimaryDepartment => Departments.Order(StringComparer.Ordinal).FirstOrDefault() ?? "";

    public bool IsAdmin => Kind == CallerKind.Staff ? Roles.Contains(StaffRoles.Admin) : Kind == CallerKind.ApiKey && Scopes.Contains(ApiScopes.Admin);

    public static Caller From(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true)
        {
            return Anonymous;
        }

        var kind = Enum.TryParse<CallerKind>(principal.FindFirst(AccessClaims.Kind)?.Value, ignoreCase: true, out var parsed) ? parsed : CallerKind.Anonymous;
        return new Caller(
            kind,
            principal.FindFirst(AccessClaims.Name)?.Value ?? principal.Identity.Name ?? "unknown",
            principal.FindAll(AccessClaims.Role).Select(claim => claim.Value).ToHashSet(StringComparer.Ordinal),
            principal.FindAll(AccessClaims.Department).Select(claim => claim.Value).ToHashSet(StringComparer.Ordinal),
            principal.FindAll(AccessClaims.Scope).Select(claim => claim.Value).ToHashSet(StringComparer.Ordinal))
        {
            StaffId = kind == CallerKind.Staff && Guid.TryParse(principal.FindFirst(AccessClaims.Subject)?.Value, out var id) ? id : null,
            DisplayName = principal.FindFirst(AccessClaims.DisplayName)?.Value
                ?? principal.FindFirst(AccessClaims.Name)?.Value ?? principal.Identity.Name ?? "unknown",
        };
    }

    /// <summary>The one place that says who may do what; the workspace and the Api both ask it.</summary>
    public bool Can(Permission permission) => Kind switch
    {
        CallerKind.Staff => permission switch
        {
            Permission.Read or Permission.Write => Roles.Overlaps(StaffRoles.All),
            Permission.Administer => Roles.Contains(StaffRoles.Admin),
            _ => false,
        },
        // The workspace's own connection (the live event stream) reads; everything else it does as the signed-in user.
        CallerKind.Workspace => permission == Permission.Read,
        CallerKind.ApiKey => Scopes.Contains(ApiScopes.Admin) || permission switch
        {
            Permission.Read => Scopes.Contains(ApiScopes.Read),
            Permission.Write => Scopes.Contains(ApiScopes.Write),
            Permission.Ingest => Scopes.Contains(ApiScopes.Ingest),
            _ => false,
        },
        _ => false,
    };

    /// <summary>
    /// Whether the caller works the untriaged intake (filtered events, merge suggestions): admins, managers and agents,
    /// and integrations with read scope; department members only see what reached their department.
    /// </summary>
    public bool CanTriage =>
        IsAdmin || Kind == CallerKind.ApiKey && Can(Permission.Read)
        || Kind == CallerKind.Staff && (Roles.Contains(StaffRoles.Manager) || Roles.Contains(StaffRoles.Agent));

    /// <summary>
    /// Whether the caller sees every conversation, whatever its department; for everyone else
    /// <c>ConversationVisibility</c> applies the department rule inside the query.
    /// </summary>
    public bool SeesEverything => IsAdmin || Kind == CallerKind.ApiKey && Can(Permission.Read);
}
