using SocialEnterprise.Contracts.Access;
using SocialEnterprise.Contracts.Audit;
using SocialEnterprise.Domain.Audit;

namespace SocialEnterprise.Infrastructure.Audit;

/// <summary>Who acts in a request: the caller, and the address their audit records carry.</summary>
public sealed record Actor(Caller Caller, string? Address)
{
    /// <summary>An audit entry for what the caller did.</summary>
    public AuditEntry Audit(DateTimeOffset at, string action, string? target = null, string? detail = null) =>
        AuditEntry.Record(at, Caller.Name, AuditActorKinds.Of(Caller.Kind), action, target, detail, Address);
}
