using System.Text.Json;
using SocialEnterprise.Domain.Classification;

namespace SocialEnterprise.Domain.Conversations;

/// <summary>A conversation in a list (the inbox, a customer's profile).</summary>
public sealed record ConversationSummary(
    Guid Id, Guid CustomerId, string CustomerName, string Channel, string Status, string Type, string Sentiment, string? Topic,
    string Priority, string Department, string Preview, DateTimeOffset LastActivityAt, int MessageCount);

public sealed record ConversationPage(IReadOnlyList<ConversationSummary> Items, int Total);

/// <summary>A conversation with its thread.</summary>
public sealed record ConversationDetail(
    Guid Id, Guid CustomerId, string CustomerName, string Channel, string Status, string Type, string Sentiment, double SentimentScore,
    string? Topic, string Language, string Urgency, string Priority, string Department, string RoutingReason, string Preview,
    DateTimeOffset OpenedAt, DateTimeOffset LastActivityAt, DateTimeOffset? ResolvedAt, Guid? PreviousConversationId, int Version,
    bool Following, IReadOnlyList<MessageView> Messages);

public sealed record MessageView(
    Guid Id, string Text, string Direction, string Channel, string Kind, string ExternalId, string AuthorName, DateTimeOffset OccurredAt,
    string? Url, int? Rating, MessageClassification? Classification)
{
    public static MessageView From(Message message) => new(
        message.Id, message.Text, message.Direction, message.Channel, message.Kind, message.ExternalId, message.AuthorName,
        message.OccurredAt, message.Url, message.Rating,
        message.Classification is null ? null : JsonSerializer.Deserialize<MessageClassification>(message.Classification, Events.EventTypes.SerializerOptions));
}

public sealed record ConversationStatusRequest(string? Status);
