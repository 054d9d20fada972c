namespace SocialEnterprise.Contracts.Replies;

public static class ReplyVisibilities
{
    /// <summary>On the public thread where the customer wrote (a public reply, a comment).</summary>
    public const string Public = "public";

    /// <summary>A direct message to the customer.</summary>
    public const string Private = "private";

    public static readonly IReadOnlyList<string> All = [Public, Private];
}
