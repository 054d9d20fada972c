using SocialEnterprise.Contracts.Conversations;
using SocialEnterprise.Contracts.Replies;

namespace SocialEnterprise.Web.Components.Conversations;

/// <summary>
/// One line of a conversation's thread: a message, an internal note, a change in its life, or a reply to the customer
/// (with the survey it carries, for a satisfaction survey).
/// </summary>
public sealed record ThreadEntry(
    Guid Key, DateTimeOffset At, MessageView? Message = null, NoteView? Note = null, HistoryEntry? History = null, ThreadReplyView? Reply = null,
    CsatView? Survey = null);

public static class ConversationThread
{
    /// <summary>
    /// Messages, notes, history and replies in the order they happened; at the same instant a message comes first, then
    /// what staff did about it.
    /// </summary>
    public static IReadOnlyList<ThreadEntry> Of(ConversationDetail conversation) =>
    [
        .. conversation.Messages.Select(message => new ThreadEntry(message.Id, message.OccurredAt, Message: message))
            .Concat((conversation.History ?? []).Select(entry => new ThreadEntry(HistoryKey(entry.Sequence), entry.At, History: entry)))
            .Concat((conversation.Notes ?? []).Select(note => new ThreadEntry(note.Id, note.WrittenAt, Note: note)))
            .Concat((conversation.Replies ?? []).Select(reply => new ThreadEntry(
                reply.Id, reply.CreatedAt, Reply: reply, Survey: conversation.Surveys?.FirstOrDefault(survey => survey.ReplyId == reply.Id))))
            .OrderBy(entry => entry.At),
    ];

    private static Guid HistoryKey(long sequence)
    {
        Span<byte> bytes = stackalloc byte[16];
        BitConverter.TryWriteBytes(bytes, sequence);
        return new Guid(bytes);
    }
}
