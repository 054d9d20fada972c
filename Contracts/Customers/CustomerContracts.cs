using SocialEnterprise.Contracts.Conversations;

namespace SocialEnterprise.Contracts.Customers;

/// <summary>A customer's profile with every identity and the conversations the caller may see.</summary>
public sealed record CustomerProfile(
    Guid Id, string DisplayName, string? Email, string Tier, int Influence, DateTimeOffset CreatedAt, Guid? MergedIntoId,
    IReadOnlyList<IdentityView> Identities, IReadOnlyList<ConversationSummary> Conversations);

public sealed record IdentityView(
    Guid Id, string Channel, string Handle, string DisplayName, string? Email, int Followers, string Evidence, string EvidenceKind,
    ConsentView Consent, DateTimeOffset FirstSeenAt, DateTimeOffset LastSeenAt);

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

/// <summary>What the profile cache holds: the customer and their identities, the same for every caller.</summary>
public sealed record CustomerCore(
    Guid Id, string DisplayName, string? Email, string Tier, int Influence, DateTimeOffset CreatedAt, Guid? MergedIntoId,
    IReadOnlyList<IdentityView> Identities);

/// <summary>One interaction with the customer, on any channel, for the Customer 360's timeline.</summary>
public sealed record TimelineItem(
    Guid Id, string Kind, DateTimeOffset At, string Channel, Guid ConversationId, string Text, string Author, string? Sentiment,
    double? SentimentScore, string? Type);

public sealed record TimelinePage(IReadOnlyList<TimelineItem> Items, DateTimeOffset? Before);

/// <summary>The customer's mood on one day: the average sentiment score (−1 to 1) of what they wrote.</summary>
public sealed record SentimentPoint(DateOnly Day, double Average, int Messages);

/// <summary>
/// A colleague who engaged the customer lately: their department, what they did and when, and what is still open
/// with them, so that the company speaks with one voice.
/// </summary>
public sealed record UnifiedFrontEntry(
    Guid StaffId, string StaffName, string Department, int Engagements, DateTimeOffset LastEngagedAt, string LastAction,
    IReadOnlyList<UnifiedFrontConversation> OpenConversations);

public sealed record UnifiedFrontConversation(Guid Id, string Preview, string Status, string Department, bool AssignedToThem);

public sealed record UnifiedFront(int Days, IReadOnlyList<UnifiedFrontEntry> Colleagues, IReadOnlyList<DepartmentOpenCount> OpenByDepartment);

public sealed record DepartmentOpenCount(string Department, int Open);
