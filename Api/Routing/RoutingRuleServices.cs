using Microsoft.Extensions.Options;
using SocialEnterprise.Api.Access;
using SocialEnterprise.Domain.Classification;
using SocialEnterprise.Domain.Routing;
using SocialEnterprise.Infrastructure.Persistence;

namespace SocialEnterprise.Api.Routing;

/// <summary>What the routing rule endpoints depend on, bound per request with <c>[AsParameters]</c>.</summary>
public sealed class RoutingRuleServices(CrmDbContext db, TimeProvider time, RequestContext context, MessageClassifier classifier, IOptions<BusinessHours> hours)
    : ApiServices(db, time, context)
{
    public MessageClassifier Classifier { get; } = classifier;

    public IOptions<BusinessHours> Hours { get; } = hours;
}
