using SocialEnterprise.Api.Access;
using SocialEnterprise.Infrastructure.Customers;
using SocialEnterprise.Infrastructure.Persistence;

namespace SocialEnterprise.Api.Customers;

/// <summary>What the customer endpoints depend on, bound per request with <c>[AsParameters]</c>.</summary>
public sealed class CustomerServices(CrmDbContext db, TimeProvider time, RequestContext context, CustomerProfileCache profiles, CustomerMerging merging)
    : ApiServices(db, time, context)
{
    public CustomerProfileCache Profiles { get; } = profiles;

    public CustomerMerging Merging { get; } = merging;
}
