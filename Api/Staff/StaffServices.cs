using Microsoft.AspNetCore.Identity;
using SocialEnterprise.Api.Access;
using SocialEnterprise.Infrastructure.Assignment;
using SocialEnterprise.Infrastructure.Persistence;
using SocialEnterprise.Infrastructure.Staff;

namespace SocialEnterprise.Api.Staff;

/// <summary>What the staff endpoints depend on, bound per request with <c>[AsParameters]</c>.</summary>
public sealed class StaffServices(CrmDbContext db, TimeProvider time, RequestContext context, UserManager<StaffUser> users, AssignmentService assignment)
    : ApiServices(db, time, context)
{
    public UserManager<StaffUser> Users { get; } = users;

    public AssignmentService Assignment { get; } = assignment;
}
