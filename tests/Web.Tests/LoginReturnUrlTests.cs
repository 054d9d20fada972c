using SocialEnterprise.Web.Components.Account;

namespace SocialEnterprise.Web.Tests;

public sealed class LoginReturnUrlTests
{
    [Theory]
    [InlineData(null, "/")]
    [InlineData("", "/")]
    [InlineData("system", "/system")]
    [InlineData("/admin/audit?action=x", "/admin/audit?action=x")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("//evil.example/", "/")]
    [InlineData("/\\evil.example", "/")]
    [InlineData("javascript:alert(1)", "/")]
    public void Only_addresses_of_this_site_are_returned_to(string? returnUrl, string expected) =>
        Assert.Equal(expected, Login.LocalReturnUrl(returnUrl));
}
