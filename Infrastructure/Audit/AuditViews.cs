using SocialEnterprise.Contracts.Audit;
using SocialEnterprise.Domain.Audit;

namespace SocialEnterprise.Infrastructure.Audit;

/// <summary>The audit records the Api answers with, made from the entities.</summary>
public static class AuditViews
{
    public static AuditEntryResponse AuditEntryResponse(AuditEntry entry) => new(
        entry.Id, entry.OccurredAt, entry.Actor, entry.ActorKind, entry.Action, entry.Target, entry.Detail, entry.Address);
}
