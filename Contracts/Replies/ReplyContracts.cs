namespace SocialEnterprise.Contracts.Replies;

/// <summary>
/// A reply to send: its text, public or private, the conversation <see cref="Version"/> its author saw, and the customer's
/// message it answers (by default their latest).
/// </summary>
public sealed record SendReplyRequest(string? Text, string? Visibility, int? Version, Guid? InReplyToMessageId = null);

/// <summary>A reply as its author and approvers see it.</summary>
public sealed record ReplyView(
    Guid Id, Guid ConversationId, string Channel, string Department, string Kind, string Visibility, string Text, string State,
    Guid? AuthorId, string AuthorName, DateTimeOffset CreatedAt, string? ApprovalReason, string? ReviewedByName, DateTimeOffset? ReviewedAt,
    string? RejectionReason, Guid? InReplyToMessageId, int ConversationVersion);

/// <summary>What changed in the thread since the author's version: a customer's message or a colleague's reply.</summary>
public sealed record ThreadChange(string Kind, Guid Id, string By, DateTimeOffset At, string Preview)
{
    public const string CustomerMessage = "message";
    public const string Reply = "reply";
}

/// <summary>A reply waiting for approval, with what an approver needs to decide.</summary>
/// <param name="CustomerMessage">What the customer wrote that the reply answers (the message it was written to, else their latest before it).</param>
public sealed record ApprovalView(
    Guid ReplyId, Guid ConversationId, string CustomerName, string Channel, string Department, string? Topic, string Visibility, string Text,
    Guid? AuthorId, string AuthorName, string? ApprovalReason, DateTimeOffset CreatedAt, bool ThreadChangedSinceWritten = false,
    string? CustomerMessage = null, DateTimeOffset? CustomerMessageAt = null);

public sealed record RejectReplyRequest(string? Reason);

/// <summary>
/// How replies on a conversation may go: the visibilities its channel supports, which of them need approval and why,
/// and where the customer last wrote (<see cref="CustomerWrotePrivately"/>: a public reply then needs a confirmation).
/// </summary>
public sealed record ReplyPolicyView(
    string Channel, IReadOnlyList<string> Visibilities, string DefaultVisibility, string? PublicApprovalReason, string? PrivateApprovalReason,
    IReadOnlyList<string> ApproverRoles, bool CustomerWrotePrivately = false);

/// <summary>The shared draft of a conversation's reply; <see cref="Version"/> 0 when nobody has written one yet.</summary>
public sealed record DraftView(
    Guid ConversationId, string Text, string Visibility, Guid? UpdatedById, string? UpdatedByName, DateTimeOffset? UpdatedAt, int Version,
    string? ReturnedBecause);

/// <summary>A draft save: the text and visibility, and the draft version the writer edited (0 for a new draft).</summary>
public sealed record SaveDraftRequest(string? Text, string? Visibility, int? Version);

public sealed record CannedResponseRequest(string? Name, string? Text, string? Department, string? Shortcut);

public sealed record CannedResponseView(Guid Id, string Name, string Text, string? Department, string Shortcut, string UpdatedBy, DateTimeOffset UpdatedAt);

public sealed record RenderedCannedResponse(Guid Id, string Name, string Text);

/// <summary>The reply guard's refusal as the Api sends it (problem details with these extensions).</summary>
public sealed record ReplyGuardRefusal(
    string? Title, string? Detail, int CurrentVersion, int SeenVersion, IReadOnlyList<Guid> NewMessageIds, IReadOnlyList<Guid> NewReplyIds,
    IReadOnlyList<ThreadChange> Changes);

/// <summary>The limits on replies, canned responses and satisfaction surveys: the Api enforces them, the workspace shows them.</summary>
public static class ReplyLimits
{
    public const int MaxTextLength = 4000;

    public const int MaxReasonLength = 500;

    public const int MaxCannedNameLength = 80;

    public const int MaxCannedShortcutLength = 30;

    public const int MaxCsatScore = 5;
}

/// <summary>The variables a canned response may use (<c>{{customer.firstName}}</c>).</summary>
public static class CannedResponseVariables
{
    public const string CustomerName = "customer.name";
    public const string CustomerFirstName = "customer.firstName";
    public const string AgentName = "agent.name";
    public const string AgentFirstName = "agent.firstName";
    public const string ConversationChannel = "conversation.channel";
    public const string Department = "department";

    public static readonly IReadOnlyList<string> All =
        [CustomerName, CustomerFirstName, AgentName, AgentFirstName, ConversationChannel, Department];

    public static string FirstNameOf(string name)
    {
        var trimmed = name.Trim().TrimStart('@');
        var space = trimmed.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? trimmed : trimmed[..space];
    }
}
