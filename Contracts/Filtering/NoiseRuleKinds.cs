namespace SocialEnterprise.Contracts.Filtering;

public static class NoiseRuleKinds
{
    /// <summary>A regular expression over the text that marks spam.</summary>
    public const string SpamPattern = "spam-pattern";

    /// <summary>An author whose events are always dropped.</summary>
    public const string BlockedAuthor = "blocked-author";

    /// <summary>A word or phrase whose events are dropped.</summary>
    public const string BlockedKeyword = "blocked-keyword";

    /// <summary>An author whose events are always kept (press, partners, key accounts).</summary>
    public const string VipAuthor = "vip-author";

    /// <summary>A word or phrase whose events are always kept (the brand's product names, "lawsuit").</summary>
    public const string KeptKeyword = "kept-keyword";

    /// <summary>Drops public chatter with no question, complaint, idea or feedback in it.</summary>
    public const string Banter = "banter";

    public static readonly IReadOnlyList<string> All = [SpamPattern, BlockedAuthor, BlockedKeyword, VipAuthor, KeptKeyword, Banter];
}
