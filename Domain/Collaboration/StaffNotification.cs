using SocialEnterprise.Contracts.Collaboration;
using SocialEnterprise.Domain.Events;

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
}
