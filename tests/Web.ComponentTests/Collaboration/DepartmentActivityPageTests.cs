using System.Net;
using Bunit;
using SocialEnterprise.Contracts.Collaboration;
using SocialEnterprise.Web.Components.Collaboration;

namespace SocialEnterprise.Web.ComponentTests.Collaboration;

public sealed class DepartmentActivityPageTests : WorkspaceContext
{
    private const string Activity = "/api/departments/support/activity";

    private static readonly DepartmentActivityEntry Asked = new(
        7, DateTimeOffset.UtcNow, "consult-requested", "Alex Agent asked Legal: may we share the invoice?", Guid.NewGuid());

    public DepartmentActivityPageTests() => SignInAs("agent");

    [Fact]
    public void A_failed_load_shows_its_reason_and_trying_again_shows_the_activity() =>
        TryingAgainAfterAFailedLoadShows(
            Activity, "The activity", "department-activity-error", new[] { Asked }, "[data-testid=department-activity-entry]", RenderSupport);

    [Fact]
    public void A_department_one_is_not_a_member_of_says_whose_activity_it_is_rather_than_failing()
    {
        Api.Problem(HttpMethod.Get, Activity, HttpStatusCode.Forbidden, "Only members of support see its activity.");

        var page = RenderSupport();

        page.WaitForAssertion(() => Assert.Contains(
            "Only members of Support see its activity.", page.Find("[data-testid=department-activity-forbidden]").TextContent, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("[data-testid=department-activity-error]"));
    }

    private IRenderedComponent<DepartmentActivityPage> RenderSupport() =>
        Render<DepartmentActivityPage>(parameters => parameters.Add(activity => activity.Department, "support"));
}
