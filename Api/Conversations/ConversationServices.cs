using SocialEnterprise.Api.Access;
using SocialEnterprise.Infrastructure.Conversations;
using SocialEnterprise.Infrastructure.Persistence;

namespace SocialEnterprise.Api.Conversations;

/// <summary>What the conversation endpoints depend on, bound per request with <c>[AsParameters]</c>.</summary>
public sealed class ConversationServices(CrmDbContext db, TimeProvider time, RequestContext context, ConversationChanges changes)
    : ApiServices(db, time, context)
{
    public ConversationChanges Changes { get; } = changes;
}
