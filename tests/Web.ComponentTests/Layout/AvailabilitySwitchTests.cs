using System.Net;
using Bunit;
using SocialEnterprise.Contracts.Assignment;
using SocialEnterprise.Contracts.Staff;
using SocialEnterprise.Web.Components.Layout;

namespace SocialEnterprise.Web.ComponentTests.Layout;

public sealed class AvailabilitySwitchTests : WorkspaceContext
{
    private readonly Guid _me = Guid.NewGuid();

    public AvailabilitySwitchTests() => SignInAs("agent");

    [Fact]
    public void It_shows_the_current_availability_and_switching_to_away_sends_it()
    {
        AnswerProfile(StaffAvailability.Available);
        Api.Answer(HttpMethod.Put, $"/api/staff/{_me}/availability", HttpStatusCode.NoContent);

        var availability = Render<AvailabilitySwitch>(parameters => parameters.Add(p => p.StaffId, _me));

        availability.WaitForAssertion(() => Assert.Equal(StaffAvailability.Available, availability.Find("[data-testid=availability]").GetAttribute("data-availability")));
        Assert.True(availability.Find("[data-testid=availability-available]").HasAttribute("disabled"));
        availability.Find("[data-testid=availability-away]").Click();

        availability.WaitForAssertion(() => Assert.Equal(StaffAvailability.Away, availability.Find("[data-testid=availability]").GetAttribute("data-availability")));
        Assert.Equal(StaffAvailability.Away, Assert.Single(Api.CallsTo(HttpMethod.Put, $"/api/staff/{_me}/availability")).Json.GetProperty("availability").GetString());
        Assert.False(availability.Find("[data-testid=availability-available]").HasAttribute("disabled"));
    }

    [Fact]
    public void A_refused_change_keeps_the_old_state_and_says_why()
    {
        AnswerProfile(StaffAvailability.Away);
        Api.Problem(HttpMethod.Put, $"/api/staff/{_me}/availability", HttpStatusCode.Forbidden, "Not yours to change.");

        var availability = Render<AvailabilitySwitch>(parameters => parameters.Add(p => p.StaffId, _me));
        availability.WaitForAssertion(() => Assert.Equal(StaffAvailability.Away, availability.Find("[data-testid=availability]").GetAttribute("data-availability")));
        availability.Find("[data-testid=availability-available]").Click();

        availability.WaitForAssertion(() => Assert.Contains("Not yours to change.", availability.Find("[data-testid=availability-error]").TextContent, StringComparison.Ordinal));
        Assert.Equal(StaffAvailability.Away, availability.Find("[data-testid=availability]").GetAttribute("data-availability"));
    }

    private void AnswerProfile(string availability) => Api.Answer(HttpMethod.Get, $"/api/staff/{_me}", HttpStatusCode.OK,
        new StaffProfileView(_me, "Alex Agent", ["support"], ["billing"], 8, availability, 2));
}
