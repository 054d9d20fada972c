namespace SocialEnterprise.Contracts.Replies;

/// <summary>
/// What the delivery worker posts to a channel's connector (JSON, signed with <c>X-Signature-256</c>). The reply id is
/// the idempotency key: the same id twice is the same message, to be sent to the customer once.
/// </summary>
/// <param name="Recipient">The customer's handle on the channel (from the identity they wrote with).</param>
/// <param name="InReplyTo">The channel's id of the customer message this answers, for threading; null when none.</param>
public sealed record OutboundMessage(
    Guid ReplyId, Guid ConversationId, string Channel, string? Recipient, string? InReplyTo, string Visibility, string Kind, string Text)
{
    /// <summary>The header that repeats the reply id for connectors that dedupe on a header rather than the body.</summary>
    public const string IdempotencyKeyHeader = "Idempotency-Key";
}

/// <summary>A connector's 2xx answer: the channel's id for the message it sent.</summary>
public sealed record OutboundAccepted(string? ExternalId);

/// <summary>
/// What a channel reports back on <c>POST /api/outbound/{channel}/events</c>: a reply delivered or refused, or a
/// customer's answer to a satisfaction survey. The reply is named by its id or by the channel's external id.
/// </summary>
public sealed record OutboundEventRequest(
    string? Type, Guid? ReplyId, string? ExternalId, DateTimeOffset? At, string? Error, int? Score, string? Comment);

public static class OutboundEventTypes
{
    public const string Delivered = "delivered";
    public const string Failed = "failed";
    public const string SurveyAnswer = "survey-answer";

    public static readonly IReadOnlyList<string> All = [Delivered, Failed, SurveyAnswer];
}

/// <summary>The outcome of a channel event: the reply's state after it, and whether it changed anything.</summary>
public sealed record OutboundEventResult(Guid ReplyId, string State, bool Changed);

/// <summary>A reply as it shows in the conversation's thread, with where it is on its way to the customer.</summary>
public sealed record ThreadReplyView(
    Guid Id, string Kind, string Visibility, string Text, string State, Guid? AuthorId, string AuthorName, DateTimeOffset CreatedAt,
    DateTimeOffset? QueuedAt, int Attempts, DateTimeOffset? NextAttemptAt, string? LastError, DateTimeOffset? SentAt,
    DateTimeOffset? DeliveredAt, DateTimeOffset? FailedAt, string? ApprovalReason = null, string? ReviewedByName = null,
    string? RejectionReason = null);

/// <summary>A satisfaction survey sent on the conversation, and the customer's answer once they gave one.</summary>
public sealed record CsatView(Guid Id, Guid ReplyId, DateTimeOffset SentAt, int? Score, string? Comment, DateTimeOffset? AnsweredAt);
