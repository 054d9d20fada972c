namespace SocialEnterprise.Contracts.Conversations;

public static class ConversationStatuses
{
    public const string Open = "open";

    /// <summary>Waiting on the customer.</summary>
    public const string Pending = "pending";

    public const string Resolved = "resolved";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { Open, Pending, Resolved };
}
