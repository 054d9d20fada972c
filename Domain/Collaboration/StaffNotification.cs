using SocialEnterprise.Domain.Events;
using SocialEnterprise.Domain.Persistence;

namespace SocialEnterprise.Domain.Collaboration;

/// <summary>
/// Something a staff member should know about, in their notification centre until they read it. It records the
/// event that reloads its recipient's bell, saved with it like every entity's events (and, in the intake, with the
/// batch's events at its end).
/// </summary>
public sealed class StaffNotification : EventSource
{
    public const int MaxTextLength = 300;

    public const int MaxLinkLength = 200;

    private StaffNotification()
    {
    }

    public Guid Id { get; private set; }

    public Guid RecipientId { get; private set; }

    /// <summary>One of <see cref="NotificationKinds"/>.</summary>
    public string Kind { get; private set; } = "";

    public string Text { get; private set; } = "";

    /// <summary>Where in the workspace the notification leads, such as <c>/conversations/{id}</c>.</summary>
    public string Link { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ReadAt { get; private set; }

    public static StaffNotification For(Guid recipientId, string kind, string text, string link, DateTimeOffset now)
    {
        var notification = new StaffNotification
        {
            Id = Guid.CreateVersion7(now),
            RecipientId = recipientId,
            Kind = kind,
            Text = text.Length <= MaxTextLength ? text : string.Concat(text.AsSpan(0, MaxTextLength - 1), "…"),
            Link = link,
            CreatedAt = now,
        };
        notification.Record(new StaffNotified(notification.Id, recipientId, kind, now));
        return notification;
    }

    public void MarkRead(DateTimeOffset now) => ReadAt ??= now;
}

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

/// <summary>A notification for one staff member: their bell reloads, nobody else's.</summary>
public sealed record StaffNotified(Guid NotificationId, Guid RecipientId, string Kind, DateTimeOffset OccurredAt) : DomainEvent(OccurredAt)
{
    public override string StreamId => StaffStream.Of(RecipientId);
}

public static class StaffStream
{
    public static string Of(Guid staffId) => $"staff/{staffId:N}";
}

public static class StaffNotifications
{
    /// <summary>
    /// Adds a notification for each recipient, with the event that reloads their bell, to the unit of work: it is
    /// saved in the same transaction as what it tells of. The actor is never notified of their own doing.
    /// </summary>
    public static void Notify(
        CrmDbContext db, IEnumerable<Guid> recipients, Guid? actorId, string kind, string text, string link, DateTimeOffset now)
    {
        foreach (var recipient in recipients.Distinct().Where(recipient => recipient != actorId))
        {
            db.StaffNotifications.Add(StaffNotification.For(recipient, kind, text, link, now));
        }
    }

    /// <summary>The link to a conversation in the workspace.</summary>
    public static string ConversationLink(Guid conversationId) => $"/conversations/{conversationId}";
}
