namespace SocialEnterprise.Contracts.Audit;

/// <summary>The actions the audit log records; names never change once written.</summary>
public static class AuditActions
{
    public const string SignedIn = "staff.signed-in";
    public const string SignInFailed = "staff.sign-in-failed";
    public const string LockedOut = "staff.locked-out";
    public const string SignedOut = "staff.signed-out";
    public const string ApiKeyCreated = "api-key.created";
    public const string ApiKeyRevoked = "api-key.revoked";
    public const string AuditExported = "audit.exported";
    public const string CustomersMerged = "customer.merged";
    public const string CustomerMergeUndone = "customer.merge-undone";
    public const string MergeSuggestionDismissed = "customer.merge-suggestion-dismissed";
    public const string ConsentRecorded = "customer.consent-recorded";
    public const string NoiseRuleCreated = "noise-rule.created";
    public const string NoiseRuleChanged = "noise-rule.changed";
    public const string NoiseRuleDeleted = "noise-rule.deleted";
    public const string TopicCreated = "topic.created";
    public const string TopicChanged = "topic.changed";
    public const string TopicDeleted = "topic.deleted";
    public const string FilteredEventRestored = "ingest.restored";
    public const string ParkedEventReplayed = "ingest.replayed";
    public const string ConversationStatusChanged = "conversation.status-changed";
    public const string ConversationAssigned = "conversation.assigned";
    public const string NoteAdded = "conversation.note-added";
    public const string RoutingRuleCreated = "routing-rule.created";
    public const string RoutingRuleChanged = "routing-rule.changed";
    public const string RoutingRuleDeleted = "routing-rule.deleted";
    public const string ConsultRequested = "consult.requested";
    public const string ConsultAccepted = "consult.accepted";
    public const string ConsultAnswered = "consult.answered";
    public const string ConsultDeclined = "consult.declined";
    public const string StaffChanged = "staff.changed";
    public const string StaffAdded = "staff.added";
    public const string DepartmentChanged = "department.changed";
    public const string ConversationClaimed = "conversation.claimed";
    public const string ReplyRetried = "reply.retried";
    public const string ReplySent = "reply.sent";
    public const string ReplySubmittedForApproval = "reply.submitted-for-approval";
    public const string ReplyApproved = "reply.approved";
    public const string ReplyRejected = "reply.rejected";
    public const string CannedResponseCreated = "canned-response.created";
    public const string CannedResponseChanged = "canned-response.changed";
    public const string CannedResponseDeleted = "canned-response.deleted";
    public const string ReportExported = "report.exported";
    public const string SlaPolicyCreated = "sla-policy.created";
    public const string SlaPolicyChanged = "sla-policy.changed";
    public const string SlaPolicyDeleted = "sla-policy.deleted";
    public const string SlaCalendarCreated = "sla-calendar.created";
    public const string SlaCalendarChanged = "sla-calendar.changed";
    public const string SlaCalendarDeleted = "sla-calendar.deleted";
    public const string ConversationEscalated = "conversation.escalated";

    public static readonly IReadOnlyList<string> All =
    [
        SignedIn, SignInFailed, LockedOut, SignedOut, ApiKeyCreated, ApiKeyRevoked, AuditExported, CustomersMerged,
        CustomerMergeUndone, MergeSuggestionDismissed, ConsentRecorded, NoiseRuleCreated, NoiseRuleChanged, NoiseRuleDeleted,
        TopicCreated, TopicChanged, TopicDeleted, FilteredEventRestored, ParkedEventReplayed, ConversationStatusChanged,
        ConversationAssigned, NoteAdded, RoutingRuleCreated, RoutingRuleChanged, RoutingRuleDeleted,
        ConsultRequested, ConsultAccepted, ConsultAnswered, ConsultDeclined,
        StaffChanged, DepartmentChanged, ConversationClaimed, StaffAdded,
        ReplyRetried,
        ReplySent, ReplySubmittedForApproval, ReplyApproved, ReplyRejected,
        CannedResponseCreated, CannedResponseChanged, CannedResponseDeleted,
        ReportExported,
        SlaPolicyCreated, SlaPolicyChanged, SlaPolicyDeleted, SlaCalendarCreated, SlaCalendarChanged, SlaCalendarDeleted, ConversationEscalated,
    ];
}
