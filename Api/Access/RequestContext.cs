using SocialEnterprise.Contracts.Access;
using SocialEnterprise.Domain.Audit;
using SocialEnterprise.Infrastructure.Audit;

namespace SocialEnterprise.Api.Access;

/// <summary>
/// The request's caller and audit context, read once from the authenticated principal and the connection: handlers
/// and services take them from here instead of rebuilding them.
/// </summary>
public sealed class RequestContext(IHttpContextAccessor accessor)
{
    private Actor? actor;

    public Actor Actor => actor ??= Read(accessor.HttpContext ?? throw new InvalidOperationException("There is no request in progress."));

    public Caller Caller => Actor.Caller;

    /// <summary>An audit entry for what the caller did in this request.</summary>
    public AuditEntry Audit(DateTimeOffset at, string action, string? target = null, string? detail = null) => Actor.Audit(at, action, target, detail);

    private static Actor Read(HttpContext http) => new(Caller.From(http.User), http.Connection.RemoteIpAddress?.ToString());
}
