using System.Text.Json;
using SocialEnterprise.Contracts.Classification;
using SocialEnterprise.Domain.Classification;

namespace SocialEnterprise.Domain.Tests.Classification;

/// <summary>A customer message as labelled by hand: what it is, how it feels, its topic, language and urgency.</summary>
public sealed record LabelledMessage(
    string Id,
    string Channel,
    string Kind,
    int? Rating,
    int? Followers,
    string Text,
    string Type,
    string Sentiment,
    string? Topic,
    string Language,
    string Urgency,
    bool Holdout)
{
    public ClassificationInput Input => new(Text, Channel, Kind, Rating, Followers);
}

/// <summary>
/// The labelled set in <c>labelled-messages.json</c>, written before the rules. The last 60 are held out: written after
/// the others, and never used to tune the rules, so they show how the rules do on messages they were not shaped by.
/// </summary>
public static class LabelledMessages
{
    public const int HeldOut = 60;

    private static readonly Lazy<IReadOnlyList<LabelledMessage>> All = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Classification", "labelled-messages.json");
        using var file = File.OpenRead(path);
        return JsonSerializer.Deserialize<List<LabelledMessage>>(file, new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? throw new InvalidOperationException($"{path} holds no messages.");
    });

    public static IReadOnlyList<LabelledMessage> Load() => All.Value;
}
