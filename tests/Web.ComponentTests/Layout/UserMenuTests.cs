using System.Security.Claims;
using Bunit;
using SocialEnterprise.Contracts.Access;
using SocialEnterprise.Contracts.Staff;
using SocialEnterprise.Web.Components.Layout;

namespace SocialEnterprise.Web.ComponentTests.Layout;

public sealed class UserMenuTests : WorkspaceContext
{
    [Fact]
    public void The_menu_names_the_signed_in_staff_member_and_offers_sign_out()
    {
        var authorization = AddAuthorization();
        authorization.SetAuthorized("agent@example.test");
        authorization.SetRoles(StaffRoles.Agent);
        authorization.SetClaims(
            new Claim(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString()),
            new Claim(AccessClaims.DisplayName, "Alex Agent"),
            new Claim(AccessClaims.Department, "support"));
        // The menu's content opens in the popover layer, as in the workspace's layout.
        var popovers = Render<MudBlazor.MudPopoverProvider>();

        var menu = Render<UserMenu>();
        menu.Find("[data-testid=signed-in-as]").Click();

        Assert.Contains("Alex Agent", menu.Find("[data-testid=signed-in-as]").TextContent, StringComparison.Ordinal);
        popovers.WaitForAssertion(() => Assert.Contains("Departments: support", popovers.Find("[data-testid=user-details]").TextContent, StringComparison.Ordinal));
        Assert.Equal("account/logout", popovers.Find("form").GetAttribute("action"));
    }

    [Fact]
    public void Nobody_signed_in_sees_no_menu()
    {
        AddAuthorization();

        var menu = Render<UserMenu>();

        Assert.Empty(menu.FindAll("[data-testid=signed-in-as]"));
    }

    [Theory]
    [InlineData(StaffRoles.Admin, true)]
    [InlineData(StaffRoles.Manager, false)]
    public void Only_admins_see_the_administration_pages_in_the_navigation(string role, bool shown)
    {
        var authorization = AddAuthorization();
        authorization.SetAuthorized("someone@example.test");
        authorization.SetRoles(role);

        var navigation = Render<NavMenu>();

        Assert.Equal(shown, navigation.Markup.Contains("admin/api-keys", StringComparison.Ordinal));
    }
}
