using SocialEnterprise.Contracts.Classification;
using SocialEnterprise.Contracts.Conversations;
using SocialEnterprise.Contracts.Customers;
using SocialEnterprise.Domain.Classification;

namespace SocialEnterprise.Domain.Conversations;

/// <summary>
/// Where a new conversation goes before any routing rule applies: the topic's department, ideas to product,
/// everything else to support; priority from urgency, raised for VIPs and large audiences.
/// </summary>
public static class DefaultRouting
{
    public const string DefaultDepartment = "support";
    public const int InfluentialFollowers = 10_000;

    public static Routing Route(MessageClassification classification, TopicCatalogue topics, int influence, string tier)
    {
        var department = DepartmentOf(classification, topics, out var reason);
        var priority = PriorityOf(classification.Urgency, influence, tier, out var why);
        return new Routing(department, priority, $"{reason}; priority {priority}: {why}");
    }

    /// <summary>The department by topic, ideas to product, else support; <paramref name="why"/> says which.</summary>
    public static string DepartmentOf(MessageClassification classification, TopicCatalogue topics, out string why)
    {
        var topic = topics.Topics.FirstOrDefault(t => t.Key == classification.Topic);
        (var department, why) = topic is not null
            ? (topic.Department, $"topic {topic.Name} belongs to {topic.Department}")
            : classification.Type == MessageTypes.Idea
                ? ("product", "ideas go to product")
                : (DefaultDepartment, "no topic matched: support answers first");
        return department;
    }

    public static string PriorityOf(string urgency, int influence, string tier, out string why)
    {
        var rank = Urgencies.Rank(urgency) switch
        {
            0 => 0,
            2 => 2,
            3 => 3,
            _ => 1,
        };
        var reasons = new List<string> { $"urgency {urgency}" };
        if (tier == CustomerTiers.Vip || influence >= InfluentialFollowers)
        {
            rank = Math.Min(rank + 1, 3);
            reasons.Add(tier == CustomerTiers.Vip ? "VIP customer" : $"{influence:N0} followers");
        }

        why = string.Join(", ", reasons);
        return Priorities.All[rank];
    }
}
