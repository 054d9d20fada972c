using SocialEnterprise.Api.Access;
using SocialEnterprise.Infrastructure.Persistence;

namespace SocialEnterprise.Api.Listening;

/// <summary>What the intake review endpoints depend on, bound per request with <c>[AsParameters]</c>.</summary>
public sealed class ListeningReviewServices(CrmDbContext db, TimeProvider time, RequestContext context)
{
    public CrmDbContext Db { get; } = db;

    public TimeProvider Time { get; } = time;

    public RequestContext Context { get; } = context;
}
