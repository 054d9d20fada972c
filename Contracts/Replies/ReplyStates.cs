namespace SocialEnterprise.Contracts.Replies;

public static class ReplyStates
{
    public const string AwaitingApproval = "awaiting-approval";
    public const string Rejected = "rejected";
    public const string Queued = "queued";
    public const string Sent = "sent";
    public const string Delivered = "delivered";
    public const string Failed = "failed";

    public static readonly IReadOnlyList<string> All = [AwaitingApproval, Rejected, Queued, Sent, Delivered, Failed];
}
