using System.Text.Json;
using SocialEnterprise.Contracts.Classification;
using SocialEnterprise.Contracts.Conversations;
using SocialEnterprise.Contracts.Events;
using SocialEnterprise.Domain.Conversations;

namespace SocialEnterprise.Infrastructure.Conversations;

/// <summary>The conversations records the Api answers with, made from the entities.</summary>
public static class ConversationViews
{
    public static NoteView NoteView(ConversationNote note) =>
        new(note.Id, note.Text, note.AuthorId, note.AuthorName, note.AuthorDepartment, note.WrittenAt, note.ConsultId);

    public static MessageView MessageView(Message message) => new(
        message.Id, message.Text, message.Direction, message.Channel, message.Kind, message.ExternalId, message.AuthorName,
        message.OccurredAt, message.Url, message.Rating,
        message.Classification is null ? null : JsonSerializer.Deserialize<MessageClassification>(message.Classification, EventTypes.SerializerOptions),
        message.Direction == MessageDirections.Inbound ? message.ReceivedAt : null);
}
