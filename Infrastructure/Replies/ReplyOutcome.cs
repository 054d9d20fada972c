using SocialEnterprise.Contracts.Replies;
using SocialEnterprise.Domain.Replies;

namespace SocialEnterprise.Infrastructure.Replies;

public enum ReplyRefusal
{
    None,
    NotFound,
    Invalid,
    Forbidden,
    Conflict,
    ThreadChanged,
}

/// <summary>How sending or reviewing a reply ended: the reply at the conversation's version, or why not.</summary>
public sealed record ReplyOutcome(ReplyRefusal Refusal)
{
    public static readonly ReplyOutcome NotFound = new(ReplyRefusal.NotFound);

    public Reply? Reply { get; init; }

    /// <summary>The conversation's version after the step (or, when the thread changed, its current version).</summary>
    public int ConversationVersion { get; init; }

    public Dictionary<string, string[]>? Errors { get; init; }

    public string? Reason { get; init; }

    public int SeenVersion { get; init; }

    public IReadOnlyList<ThreadChange> Changes { get; init; } = [];

    public static ReplyOutcome Done(Reply reply, int conversationVersion) =>
        new(ReplyRefusal.None) { Reply = reply, ConversationVersion = conversationVersion };

    public static ReplyOutcome Invalid(Dictionary<string, string[]> errors) => new(ReplyRefusal.Invalid) { Errors = errors };

    public static ReplyOutcome Forbidden(string reason) => new(ReplyRefusal.Forbidden) { Reason = reason };

    public static ReplyOutcome Conflict(string reason) => new(ReplyRefusal.Conflict) { Reason = reason };

    /// <summary>The reply guard's refusal: the customer's messages and the replies that joined the thread after the author's version.</summary>
    public static ReplyOutcome ThreadChanged(int currentVersion, int seenVersion, IReadOnlyList<ThreadChange> changes) =>
        new(ReplyRefusal.ThreadChanged) { ConversationVersion = currentVersion, SeenVersion = seenVersion, Changes = changes };
}
