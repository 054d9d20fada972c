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
    private SignInAuditRecord(DateTimeOffset occurredAt, string actor, string actorKind, string action, string? address)
    {
        OccurredAt = occurredAt;
        Actor = actor;
        ActorKind = actorKind;
        Action = action;
        Address = address;
    }

    public long Id { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    public string Actor { get; private set; }

    /// <summary>One of <see cref="AuditActorKinds"/>.</summary>
    public string ActorKind { get; private set; }

    /// <summary>One of <see cref="AuditActions"/>.</summary>
    public string Action { get; private set; }

    public string? Address { get; private set; }

    // The limits are the audit log's columns.
    public static SignInAuditRecord Of(DateTimeOffset at, string actor, string actorKind, string action, string? address) =>
        new(at, actor.Length > 256 ? actor[..256] : actor, actorKind, action, address is { Length: > 64 } ? address[..64] : address);
}
