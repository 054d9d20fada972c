namespace SocialEnterprise.Infrastructure.Conversations;

public enum ConversationChangeRefusal
{
    None,
    NotFound,
    Invalid,
    Forbidden,
    Conflict,
}

/// <summary>How a staff member's change to a conversation ended: made (or nothing to change), or why not.</summary>
public sealed record ConversationChangeOutcome(ConversationChangeRefusal Refusal, string? Field = null, string? Reason = null)
{
    public static readonly ConversationChangeOutcome Done = new(ConversationChangeRefusal.None);

    public static readonly ConversationChangeOutcome NotFound = new(ConversationChangeRefusal.NotFound);

    public bool Succeeded => Refusal == ConversationChangeRefusal.None;

    public static ConversationChangeOutcome Invalid(string field, string reason) => new(ConversationChangeRefusal.Invalid, field, reason);

    public static ConversationChangeOutcome Forbidden(string reason) => new(ConversationChangeRefusal.Forbidden, Reason: reason);

    public static ConversationChangeOutcome Conflict(string reason) => new(ConversationChangeRefusal.Conflict, Reason: reason);
}
