namespace SocialEnterprise.Contracts.Audit;

/// <summary>An audit entry as <c>GET /api/admin/audit</c> answers it.</summary>
public sealed record AuditEntryResponse(
    long Id, DateTimeOffset OccurredAt, string Actor, string ActorKind, string Action, string? Target, string? Detail, string? Address);

/// <summary>A page of the audit log, newest first; pass <see cref="NextBefore"/> as <c>before</c> for the next page.</summary>
public sealed record AuditPage(IReadOnlyList<AuditEntryResponse> Items, long? NextBefore);
