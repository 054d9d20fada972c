using SocialEnterprise.Contracts.Assignment;
using SocialEnterprise.Web.Components.Assignment;

namespace SocialEnterprise.Web.ComponentTests.Assignment;

public sealed class DepartmentQueueTests : WorkspaceContext
{
    public DepartmentQueueTests() => SignInAs("agent");

    [Fact]
    public void A_failed_load_shows_its_reason_and_trying_again_shows_the_queue() =>
        TryingAgainAfterAFailedLoadShows(
            "/api/departments/support/queue", "The queue", "queue-error", Array.Empty<QueuedConversationView>(), "[data-testid=queue-empty]",
            () => Render<DepartmentQueue>(parameters => parameters.Add(queue => queue.Id, "support")));
}
