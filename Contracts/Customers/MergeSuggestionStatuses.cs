namespace SocialEnterprise.Contracts.Customers;

public static class MergeSuggestionStatuses
{
    public const string Open = "open";
    public const string Merged = "merged";
    public const string Dismissed = "dismissed";

    public static readonly IReadOnlyList<string> All = [Open, Merged, Dismissed];
}
