using SocialEnterprise.Contracts.Conversations;
using SocialEnterprise.Domain.Events;

namespace SocialEnterprise.Domain.Conversations;

/// <summary>
/// A note in a conversation's internal thread: what colleagues say to each other about the customer's case. The
/// customer never sees it.
/// </summary>
public sealed class ConversationNote : EventSource
{
    public const int MaxTextLength = 4000;

    private ConversationNote()
    {
    }

    public Guid Id { get; private set; }

    public Guid ConversationId { get; private set; }

    public Guid AuthorId { get; private set; }

    public string AuthorName { get; private set; } = "";

    /// <summary>The author's department when they wrote it (empty for someone in none).</summary>
    public string AuthorDepartment { get; private set; } = "";

    public string Text { get; private set; } = "";

    public DateTimeOffset WrittenAt { get; private set; }

    /// <summary>The consult this note answers, when it is a consult's answer.</summary>
    public Guid? ConsultId { get; private set; }

    /// <summary>A note in <paramref name="conversation"/>'s thread, with the event that shows it live.</summary>
    public static ConversationNote Write(
        Conversation conversation, Guid authorId, string authorName, string authorDepartment, string text, DateTimeOffset now,
        Guid? consultId = null)
    {
        var note = new ConversationNote
        {
            Id = Guid.CreateVersion7(now),
            ConversationId = conversation.Id,
            AuthorId = authorId,
            AuthorName = authorName,
            AuthorDepartment = authorDepartment,
            Text = text,
            WrittenAt = now,
            ConsultId = consultId,
        };
        note.Record(new NoteAdded(conversation.Id, note.Id, conversation.CustomerId, conversation.Department, authorName, authorDepartment, now));
        return note;
    }
}
