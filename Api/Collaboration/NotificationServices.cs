using SocialEnterprise.Api.Access;
using SocialEnterprise.Infrastructure.Persistence;

namespace SocialEnterprise.Api.Collaboration;

/// <summary>What the notification endpoints depend on, bound per request with <c>[AsParameters]</c>.</summary>
public sealed class NotificationServices(CrmDbContext db, TimeProvider time, RequestContext context)
{
    public CrmDbContext Db { get; } = db;

    public TimeProvider Time { get; } = time;

    public RequestContext Context { get; } = context;
}
