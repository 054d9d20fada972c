using SocialEnterprise.Contracts.Classification;

namespace SocialEnterprise.Contracts.Conversations;

/// <summary>A conversation in a list (the inbox, a customer's profile).</summary>
public sealed record ConversationSummary(
    Guid Id, Guid CustomerId, string CustomerName, string Channel, string Status, string Type, string Sentiment, string? Topic,
    string Priority, string Department, string Preview, DateTimeOffset LastActivityAt, int MessageCount,
    Guid? AssigneeId = null, string? AssigneeName = null, DateTimeOffset? ResponseWarnAt = null, DateTimeOffset? ResponseDueAt = null,
    string ServiceLevel = ServiceLevelStates.None)
{
    /// <summary>The same conversation with its service level worked out at <paramref name="now"/>.</summary>
    public ConversationSummary At(DateTimeOffset now) => this with { ServiceLevel = ServiceLevelStates.Of(ResponseWarnAt, ResponseDueAt, now) };
}

/// <summary>
/// A page of an inbox. <see cref="Total"/> counts every match up to a cap; past it <see cref="TotalCapped"/> is
/// true and the total reads "at least".
/// </summary>
public sealed record ConversationPage(IReadOnlyList<ConversationSummary> Items, int Total, bool TotalCapped = false);

/// <summary>A conversation with its thread.</summary>
public sealed record ConversationDetail(
    Guid Id, Guid CustomerId, string CustomerName, string Channel, string Status, string Type, string Sentiment, double SentimentScore,
    string? Topic, string Language, string Urgency, string Priority, string Department, string RoutingReason, string Preview,
    DateTimeOffset OpenedAt, DateTimeOffset LastActivityAt, DateTimeOffset? ResolvedAt, Guid? PreviousConversationId, int Version,
    bool Following, IReadOnlyList<MessageView> Messages, Guid? AssigneeId = null, string? AssigneeName = null,
    DateTimeOffset? ResponseDueAt = null, string ServiceLevel = ServiceLevelStates.None, IReadOnlyList<NoteView>? Notes = null,
    IReadOnlyList<HistoryEntry>? History = null, int? PriorityScore = null, IReadOnlyList<string>? PriorityExplanation = null,
    IReadOnlyList<Replies.ThreadReplyView>? Replies = null, IReadOnlyList<Replies.CsatView>? Surveys = null);

/// <summary>A note in the conversation's internal thread.</summary>
public sealed record NoteView(
    Guid Id, string Text, Guid AuthorId, string AuthorName, string AuthorDepartment, DateTimeOffset WrittenAt, Guid? ConsultId = null);

/// <summary>A change in the conversation's life (status, assignment), in words, from its event stream.</summary>
public sealed record HistoryEntry(long Sequence, DateTimeOffset At, string Kind, string Text, string By);

public sealed record NoteRequest(string? Text);

public sealed record AssignRequest(Guid? StaffId);

public sealed record SavedViewRequest(string? Name, string? Query);

public sealed record SavedViewView(Guid Id, string Name, string Query);

/// <summary>How many conversations a view holds (built-in views have a key, saved ones an id).</summary>
public sealed record InboxViewCount(string Key, string Name, string Query, int Count, bool Capped, Guid? SavedViewId = null);

public sealed record MessageView(
    Guid Id, string Text, string Direction, string Channel, string Kind, string ExternalId, string AuthorName, DateTimeOffset OccurredAt,
    string? Url, int? Rating, MessageClassification? Classification, DateTimeOffset? ReceivedAt = null);

public sealed record ConversationStatusRequest(string? Status);

public static class SavedViewLimits
{
    public const int MaxNameLength = 60;
}

/// <summary>A message or template cut to one line for a list: whitespace collapsed, at most <see cref="Length"/> characters.</summary>
public static class ConversationPreview
{
    public const int Length = 160;

    public static string Of(string text, int length = Length)
    {
        var collapsed = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return collapsed.Length <= length ? collapsed : string.Concat(collapsed.AsSpan(0, length - 1), "…");
    }
}
