using SocialEnterprise.Contracts.Classification;
using SocialEnterprise.Domain.Classification;

namespace SocialEnterprise.Infrastructure.Classification;

/// <summary>The classification records the Api answers with, made from the entities.</summary>
public static class ClassificationViews
{
    public static TopicView TopicView(CatalogueTopic topic) =>
        new(topic.Key, topic.Name, topic.Department, topic.Keywords, topic.BroadKeywords, topic.Position, topic.UpdatedAt, topic.UpdatedBy);
}
