using SocialEnterprise.Contracts.Collaboration;
using SocialEnterprise.Web.Components.Collaboration;

namespace SocialEnterprise.Web.ComponentTests.Collaboration;

public sealed class NotificationsTests : WorkspaceContext
{
    private static readonly NotificationView Answered = new(
        Guid.NewGuid(), NotificationKinds.ConsultAnswered, "Legal answered your consult.", $"/conversations/{Guid.NewGuid()}", DateTimeOffset.UtcNow, null);

    public NotificationsTests() => SignInAs("agent");

    [Fact]
    public void A_failed_load_shows_its_reason_and_trying_again_lists_the_notifications() =>
        TryingAgainAfterAFailedLoadShows<Notifications>(
            "/api/notifications", "Notifications", "notifications-error", new NotificationPage([Answered], 1), "[data-testid=notification-row]");
}
