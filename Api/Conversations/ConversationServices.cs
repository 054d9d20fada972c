using SocialEnterprise.Api.Access;
using SocialEnterprise.Infrastructure.Conversations;
using SocialEnterprise.Infrastructure.Persistence;

namespace SocialEnterprise.Api.Conversations;

/// <summary>What the conversation endpoints depend on, bound per request with <c>[AsParameters]</c>.</summary>
public sealed class ConversationServices(CrmDbContext db, TimeProvider time, RequestContext context, ConversationChanges changes)
{
    public CrmDbContext Db { get; } = db;

    public TimeProvider Time { get; } = time;

    public RequestContext Context { get; } = context;

    public ConversationChanges Changes { get; } = changes;
}
