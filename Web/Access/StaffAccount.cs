using Microsoft.AspNetCore.Identity;
using SocialEnterprise.Contracts.Audit;

namespace SocialEnterprise.Web.Access;

/// <summary>A staff member as sign-in sees them: Identity's columns and the name the workspace shows.</summary>
public sealed class StaffAccount : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = "";
}

/// <summary>A staff member's membership of a department, which their sign-in cookie carries as a claim.</summary>
public sealed record StaffAccountDepartment(Guid StaffUserId, string DepartmentId);

/// <summary>A sign-in, a failed one or a sign-out, as the audit log records it.</summary>
public sealed class SignInAuditRecord
{
    public long Id { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }

    public required string Actor { get; init; }

    /// <summary>One of <see cref="AuditActorKinds"/>.</summary>
    public required string ActorKind { get; init; }

    /// <summary>One of <see cref="AuditActions"/>.</summary>
    public required string Action { get; init; }

    public string? Address { get; init; }

    // The limits are the audit log's columns.
    public static SignInAuditRecord Of(DateTimeOffset at, string actor, string actorKind, string action, string? address) => new()
    {
        OccurredAt = at,
        Actor = actor.Length > 256 ? actor[..256] : actor,
        ActorKind = actorKind,
        Action = action,
        Address = address is { Length: > 64 } ? address[..64] : address,
    };
}
