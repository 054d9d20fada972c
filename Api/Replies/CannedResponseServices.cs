using SocialEnterprise.Api.Access;
using SocialEnterprise.Infrastructure.Persistence;

namespace SocialEnterprise.Api.Replies;

/// <summary>What the canned response endpoints depend on, bound per request with <c>[AsParameters]</c>.</summary>
public sealed class CannedResponseServices(CrmDbContext db, TimeProvider time, RequestContext context)
{
    public CrmDbContext Db { get; } = db;

    public TimeProvider Time { get; } = time;

    public RequestContext Context { get; } = context;
}
