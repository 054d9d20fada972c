using SocialEnterprise.Api.Access;
using SocialEnterprise.Infrastructure.Assignment;
using SocialEnterprise.Infrastructure.Persistence;

namespace SocialEnterprise.Api.Assignment;

/// <summary>What the department endpoints depend on, bound per request with <c>[AsParameters]</c>.</summary>
public sealed class DepartmentServices(CrmDbContext db, TimeProvider time, RequestContext context, AssignmentService assignment)
    : ApiServices(db, time, context)
{
    public AssignmentService Assignment { get; } = assignment;
}
