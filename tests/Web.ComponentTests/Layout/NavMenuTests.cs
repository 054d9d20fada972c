using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using SocialEnterprise.Contracts.Staff;
using SocialEnterprise.Domain.Staff;
using SocialEnterprise.Infrastructure.Staff;
using SocialEnterprise.Web.Access;
using SocialEnterprise.Web.Components.Layout;

namespace SocialEnterprise.Web.ComponentTests.Layout;

public sealed class NavMenuTests : WorkspaceContext
{
    [Fact]
    public void The_inbox_comes_first()
    {
        SignInAs("product");

        var navigation = Render<NavMenu>();

        var links = navigation.FindAll("a.mud-nav-link").Select(link => (link.GetAttribute("href"), link.TextContent.Trim())).ToList();
        Assert.Equal(("", "Inbox"), links[0]);
    }

    [Theory]
    [InlineData("admin", true)]
    [InlineData("support.manager", false)]
    [InlineData("agent", false)]
    [InlineData("product", false)]
    public void Only_admins_find_the_event_stream_and_system_health(string name, bool shown)
    {
        SignInAs(name);

        var links = Render<NavMenu>().FindAll("a.mud-nav-link").Select(link => (link.GetAttribute("href"), link.TextContent.Trim())).ToList();

        Assert.Equal(shown, links.Contains(("activity", "Event stream")));
        Assert.Equal(shown, links.Contains(("system", "System health")));
    }

    [Theory]
    [InlineData("admin", true)]
    [InlineData("support.manager", true)]
    [InlineData("agent", true)]
    [InlineData("product", false)]
    public void Whoever_triages_finds_the_intake_pages(string name, bool shown)
    {
        SignInAs(name);

        var navigation = Render<NavMenu>();

        Assert.Equal(shown, navigation.Markup.Contains("href=\"intake/filtered\"", StringComparison.Ordinal));
        Assert.Equal(shown, navigation.Markup.Contains("href=\"customers/merges\"", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("admin", true)]
    [InlineData("support.manager", false)]
    [InlineData("agent", false)]
    public void Only_admins_find_the_noise_filter_topics_and_parked_events(string name, bool shown)
    {
        SignInAs(name);

        var navigation = Render<NavMenu>();

        foreach (var href in new[] { "admin/noise-rules", "admin/topics", "admin/parked" })
        {
            Assert.Equal(shown, navigation.Markup.Contains($"href=\"{href}\"", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("admin", true)]
    [InlineData("support.manager", true)]
    [InlineData("agent", false)]
    [InlineData("product", false)]
    public void Admins_and_managers_find_the_reports(string name, bool shown)
    {
        SignInAs(name);

        var navigation = Render<NavMenu>();

        Assert.Equal(shown, navigation.FindAll("a.mud-nav-link").Any(link => link.GetAttribute("href") == "reports/service-levels" && link.TextContent.Trim() == "Reports"));
    }

    [Fact]
    public async Task The_triage_policy_asks_the_same_rule_as_the_Api()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddAuthorizationBuilder().AddWorkspacePolicies();
        await using var provider = services.BuildServiceProvider();
        var authorization = provider.GetRequiredService<IAuthorizationService>();

        foreach (var staff in DemoCompany.Staff)
        {
            var principal = new ClaimsPrincipal(new ClaimsIdentity(
                [new Claim(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString()), new Claim(ClaimTypes.Name, staff.Email), new Claim(ClaimTypes.Role, staff.Role)],
                "test"));

            var result = await authorization.AuthorizeAsync(principal, WorkspacePolicies.Triage);

            Assert.True(result.Succeeded == (staff.Role is StaffRoles.Admin or StaffRoles.Manager or StaffRoles.Agent), staff.Name);
        }
    }
}
