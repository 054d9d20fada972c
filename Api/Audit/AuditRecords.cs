using SocialEnterprise.Contracts.Access;
using SocialEnterprise.Contracts.Audit;
using SocialEnterprise.Domain.Audit;

namespace SocialEnterprise.Api.Audit;

internal static class AuditRecords
{
    /// <summary>An audit entry for what <paramref name="caller"/> did in this request.</summary>
    public static AuditEntry By(Caller caller, HttpContext http, DateTimeOffset now, string action, string? target = null, string? detail = null) =>
        AuditEntry.Record(now, caller.Name, AuditActorKinds.Of(caller.Kind), action, target, detail, http.Connection.RemoteIpAddress?.ToString());
}
