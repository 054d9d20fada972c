using SocialEnterprise.Domain.Conversations;

namespace SocialEnterprise.Domain.Customers;

/// <summary>A customer's profile with every identity and the conversations the caller may see.</summary>
public sealed record CustomerProfile(
    Guid Id, string DisplayName, string? Email, string Tier, int Influence, DateTimeOffset CreatedAt, Guid? MergedIntoId,
    IReadOnlyList<IdentityView> Identities, IReadOnlyList<ConversationSummary> Conversations);

public sealed record IdentityView(
    Guid Id, string Channel, string Handle, string DisplayName, string? Email, int Followers, string Evidence, string EvidenceKind,
    ConsentView Consent, DateTimeOffset FirstSeenAt, DateTimeOffset LastSeenAt)
{
    public static IdentityView From(CustomerIdentity identity) => new(
        identity.Id, identity.Channel, identity.Handle, identity.DisplayName, identity.Email, identity.Followers, identity.EvidenceDetail,
        identity.Evidence.ToString(), new ConsentView(identity.Consent, identity.ConsentBasis, identity.ConsentRecordedAt),
        identity.FirstSeenAt, identity.LastSeenAt);
}

public sealed record ConsentView(string Status, string Basis, DateTimeOffset RecordedAt);

public sealed record ConsentRequest(string? Status, string? Basis);

/// <summary>A customer as a merge suggestion shows them: name and identities.</summary>
public sealed record CustomerCard(Guid Id, string DisplayName, int Influence, IReadOnlyList<IdentityView> Identities);

public sealed record MergeSuggestionView(
    Guid Id, CustomerCard Customer, CustomerCard Candidate, string Reason, double Score, string Status, DateTimeOffset CreatedAt);

public sealed record MergeRequest(Guid? SourceId, Guid? TargetId, Guid? SuggestionId);

public sealed record MergeView(
    Guid Id, Guid SourceId, string SourceName, Guid TargetId, string TargetName, int IdentitiesMoved, string MergedBy, DateTimeOffset MergedAt,
    string? UndoneBy, DateTimeOffset? UndoneAt);
