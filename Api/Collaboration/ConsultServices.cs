using SocialEnterprise.Api.Access;
using SocialEnterprise.Infrastructure.Collaboration;
using SocialEnterprise.Infrastructure.Persistence;

namespace SocialEnterprise.Api.Collaboration;

/// <summary>What the consult endpoints depend on, bound per request with <c>[AsParameters]</c>.</summary>
public sealed class ConsultServices(CrmDbContext db, TimeProvider time, RequestContext context, ConsultWorkflow workflow)
    : ApiServices(db, time, context)
{
    public ConsultWorkflow Workflow { get; } = workflow;
}
