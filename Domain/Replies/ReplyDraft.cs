using SocialEnterprise.Contracts.Replies;
using SocialEnterprise.Domain.Conversations;
using SocialEnterprise.Domain.Events;

namespace SocialEnterprise.Domain.Replies;

/// <summary>
/// The one reply a conversation's staff write together before it is sent. Every save carries the version its writer
/// edited, so that nobody's words are overwritten by a colleague who had not seen them; sending (or discarding) empties
/// it, and a rejected reply comes back into it with the reason.
/// </summary>
public sealed class ReplyDraft : EventSource
{
    public const int MaxNoteLength = 600;

    private ReplyDraft()
    {
    }

    public Guid ConversationId { get; private set; }

    public string Department { get; private set; } = "";

    public string Text { get; private set; } = "";

    public string Visibility { get; private set; } = ReplyVisibilities.Public;

    public Guid? UpdatedById { get; private set; }

    public string UpdatedByName { get; private set; } = "";

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Why the text came back (an approver's rejection), until someone edits it.</summary>
    public string? ReturnedBecause { get; private set; }

    /// <summary>Grows with every save; a save names the version it edited.</summary>
    public int Version { get; private set; }

    public bool IsEmpty => Text.Length == 0;

    /// <param name="visibility">Where the reply goes until someone chooses: where the customer last wrote, when known.</param>
    public static ReplyDraft For(Conversation conversation, DateTimeOffset now, string? visibility = null) => new()
    {
        ConversationId = conversation.Id,
        Department = conversation.Department,
        Visibility = visibility ?? ReplyChannels.DefaultVisibilityOf(conversation.Channel),
        UpdatedAt = now,
    };

    /// <summary>Saves what a staff member wrote; false when they edited an older version than the current one.</summary>
    public bool Save(int editedVersion, string text, string visibility, Guid staffId, string staffName, DateTimeOffset now)
    {
        if (editedVersion != Version)
        {
            return false;
        }

        Text = text;
        Visibility = visibility;
        ReturnedBecause = null;
        Touched(staffId, staffName, now);
        Record(new ReplyDraftSaved(ConversationId, Department, Version, staffId, staffName, text.Length == 0, now));
        return true;
    }

    /// <summary>The draft was sent or thrown away: it is empty again, for whoever writes next.</summary>
    public void Clear(Guid? staffId, string staffName, DateTimeOffset now)
    {
        if (IsEmpty && ReturnedBecause is null)
        {
            return;
        }

        Text = "";
        ReturnedBecause = null;
        Touched(staffId, staffName, now);
        Record(new ReplyDraftSaved(ConversationId, Department, Version, staffId, staffName, true, now));
    }

    /// <summary>
    /// A rejected reply comes back for editing, with why. Text a colleague has meanwhile started stays: the rejected
    /// text is added after it rather than replacing it.
    /// </summary>
    public void Return(string text, string visibility, string because, Guid reviewerId, string reviewerName, DateTimeOffset now)
    {
        Text = IsEmpty ? text : $"{Text}\n\n{text}";
        Visibility = visibility;
        ReturnedBecause = because.Length <= MaxNoteLength ? because : string.Concat(because.AsSpan(0, MaxNoteLength - 1), "…");
        Touched(reviewerId, reviewerName, now);
        Record(new ReplyDraftSaved(ConversationId, Department, Version, reviewerId, reviewerName, false, now));
    }

    private void Touched(Guid? staffId, string staffName, DateTimeOffset now)
    {
        UpdatedById = staffId;
        UpdatedByName = staffName;
        UpdatedAt = now;
        Version++;
    }
}
