namespace SocialEnterprise.Contracts.Replies;

public static class ReplyKinds
{
    public const string Reply = "reply";

    /// <summary>The satisfaction survey sent after resolution.</summary>
    public const string Survey = "survey";

    public static readonly IReadOnlyList<string> All = [Reply, Survey];
}
