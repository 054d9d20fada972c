namespace SocialEnterprise.Domain.Classification;

public sealed record TopicView(string Key, string Name, string Department, IReadOnlyList<string> Keywords, int Position, DateTimeOffset UpdatedAt, string UpdatedBy)
{
    public static TopicView From(CatalogueTopic topic) =>
        new(topic.Key, topic.Name, topic.Department, topic.Keywords, topic.Position, topic.UpdatedAt, topic.UpdatedBy);
}

public sealed record TopicRequest(string? Key, string? Name, string? Department, IReadOnlyList<string>? Keywords);
