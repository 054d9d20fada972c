using SocialEnterprise.Contracts.Collaboration;
using SocialEnterprise.Web.Components.Shared;

namespace SocialEnterprise.Web.Components.Collaboration;

/// <summary>A notification's caption: when its latest update came, and how many it stands for when several folded into it.</summary>
public static class NotificationText
{
    public static string When(NotificationView notification, ReaderTime reader) =>
        notification.Updates > 1 ? $"{reader.When(notification.CreatedAt)} · {notification.Updates} updates" : reader.When(notification.CreatedAt);
}
