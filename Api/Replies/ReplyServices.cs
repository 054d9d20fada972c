using Microsoft.Extensions.Options;
using SocialEnterprise.Api.Access;
using SocialEnterprise.Domain.Replies;
using SocialEnterprise.Infrastructure.Persistence;
using SocialEnterprise.Infrastructure.Replies;

namespace SocialEnterprise.Api.Replies;

/// <summary>What the reply endpoints depend on, bound per request with <c>[AsParameters]</c>.</summary>
public sealed class ReplyServices(CrmDbContext db, TimeProvider time, RequestContext context, IOptions<ReplyApproval> approval, ReplyWorkflow workflow)
    : ApiServices(db, time, context)
{
    public IOptions<ReplyApproval> Approval { get; } = approval;

    public ReplyWorkflow Workflow { get; } = workflow;
}
