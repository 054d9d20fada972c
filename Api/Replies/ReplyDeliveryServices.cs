using Microsoft.Extensions.Options;
using SocialEnterprise.Api.Access;
using SocialEnterprise.Infrastructure.Persistence;
using SocialEnterprise.Infrastructure.Replies;

namespace SocialEnterprise.Api.Replies;

/// <summary>What the outbound endpoints depend on, bound per request with <c>[AsParameters]</c>.</summary>
public sealed class ReplyDeliveryServices(CrmDbContext db, TimeProvider time, RequestContext context, IOptions<ReplyDeliveryOptions> options)
    : ApiServices(db, time, context)
{
    public IOptions<ReplyDeliveryOptions> Options { get; } = options;
}
