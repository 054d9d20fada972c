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

    /// <summary>
    /// What a notification is about, for folding a reader's notifications: the states of one subject on one conversation
    /// replace each other, the latest shown (at risk, then breached). Null for what is never folded: a mention, a
    /// consult or approval request is a person asking, each one on its own.
    /// </summary>
    public static string? SubjectOf(string kind) => kind switch
    {
        SlaWarning or SlaPredictedBreach or SlaBreach or Escalation => "sla",
        FollowedActivity => "activity",
        Assignment => "assignment",
        ConsultAnswered or ConsultDeclined => "consult",
        ReplyApproved or ReplyRejected => "reply",
        _ => null,
    };

    /// <summary>What a reader filters by, people asking first.</summary>
    public static readonly IReadOnlyList<NotificationGroup> Groups =
    [
        new("mentions", "Mentions", [Mention]),
        new("consults", "Consults", [ConsultRequested, ConsultAnswered, ConsultDeclined]),
        new("approvals", "Approvals", [ApprovalRequested, ReplyApproved, ReplyRejected]),
        new("assignments", "Assignments", [Assignment]),
        new("sla", "Service levels", [SlaWarning, SlaPredictedBreach, SlaBreach, Escalation]),
        new("activity", "Followed conversations", [FollowedActivity]),
    ];
}

/// <summary>A filter of the notification centre: its id in <c>?kind=</c>, its name, and the kinds it shows.</summary>
public sealed record NotificationGroup(string Id, string Name, IReadOnlyList<string> Kinds);
