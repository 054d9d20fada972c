namespace SocialEnterprise.Contracts.Collaboration;

public static class NotificationKinds
{
    public const string Mention = "mention";
    public const string Assignment = "assignment";
    public const string ConsultRequested = "consult-requested";
    public const string ConsultAnswered = "consult-answered";
    public const string ConsultDeclined = "consult-declined";
    public const string FollowedActivity = "followed-activity";
    public const string ApprovalRequested = "approval-requested";
    public const string ReplyApproved = "reply-approved";
    public const string ReplyRejected = "reply-rejected";
    public const string SlaWarning = "sla-warning";
    public const string SlaPredictedBreach = "sla-predicted-breach";
    public const string SlaBreach = "sla-breach";
    public const string Escalation = "escalation";

    public static readonly IReadOnlyList<string> All = [Mention, Assignment, ConsultRequested, ConsultAnswered, ConsultDeclined, FollowedActivity,
        ApprovalRequested, ReplyApproved, ReplyRejected, SlaWarning, SlaPredictedBreach, SlaBreach, Escalation];
}
