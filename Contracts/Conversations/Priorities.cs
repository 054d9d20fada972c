namespace SocialEnterprise.Contracts.Conversations;

public static class Priorities
{
    public const string Low = "low";
    public const string Normal = "normal";
    public const string High = "high";
    public const string Urgent = "urgent";

    public static readonly IReadOnlyList<string> All = [Low, Normal, High, Urgent];

    public static int Rank(string priority) => priority switch
    {
        Low => 0,
        High => 2,
        Urgent => 3,
        _ => 1,
    };
}
