using SocialEnterprise.Api.Access;
using SocialEnterprise.Infrastructure.Persistence;

namespace SocialEnterprise.Api.Collaboration;

/// <summary>What the department activity endpoints depend on, bound per request with <c>[AsParameters]</c>.</summary>
public sealed class DepartmentActivityServices(CrmDbContext db, RequestContext context)
{
    public CrmDbContext Db { get; } = db;

    public RequestContext Context { get; } = context;
}
