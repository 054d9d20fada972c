namespace SocialEnterprise.Contracts.Routing;

public static class RoutingFields
{
    public const string Channel = "channel";
    public const string Kind = "kind";
    public const string Type = "type";
    public const string Sentiment = "sentiment";
    public const string Topic = "topic";
    public const string Keywords = "keywords";
    public const string CustomerTier = "customer-tier";
    public const string Influence = "influence";
    public const string Language = "language";
    public const string BusinessHours = "business-hours";

    public static readonly IReadOnlyList<string> All =
        [Channel, Kind, Type, Sentiment, Topic, Keywords, CustomerTier, Influence, Language, BusinessHours];
}
