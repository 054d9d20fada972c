using System.Net;
using SocialEnterprise.Contracts.ServiceLevels;
using ServiceLevelsPage = SocialEnterprise.Web.Components.Admin.ServiceLevels;

namespace SocialEnterprise.Web.ComponentTests.Admin;

public sealed class ServiceLevelsTests : WorkspaceContext
{
    public ServiceLevelsTests()
    {
        SignInAs("admin");
        Api.Answer(HttpMethod.Get, "/api/sla/calendars", HttpStatusCode.OK, Array.Empty<SlaCalendarView>());
    }

    [Fact]
    public void A_failed_load_shows_its_reason_and_trying_again_shows_the_policies() =>
        TryingAgainAfterAFailedLoadShows<ServiceLevelsPage>(
            "/api/sla/policies", "The service levels", "service-levels-error", Array.Empty<SlaPolicyView>(), "[data-testid=sla-policies]");
}
