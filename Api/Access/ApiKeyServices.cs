using SocialEnterprise.Infrastructure.Persistence;

namespace SocialEnterprise.Api.Access;

/// <summary>What the API key endpoints depend on, bound per request with <c>[AsParameters]</c>.</summary>
public sealed class ApiKeyServices(CrmDbContext db, TimeProvider time, RequestContext context)
{
    public CrmDbContext Db { get; } = db;

    public TimeProvider Time { get; } = time;

    public RequestContext Context { get; } = context;
}
