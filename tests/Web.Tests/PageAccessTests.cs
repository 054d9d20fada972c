using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;

namespace SocialEnterprise.Web.Tests;

public sealed class PageAccessTests
{
    [Fact]
    public void Every_page_says_who_may_open_it_and_only_sign_in_and_error_pages_are_public()
    {
        var pages = typeof(SocialEnterprise.Web.Live.LiveRefresh).Assembly.GetTypes()
            .Where(type => type.GetCustomAttributes<RouteAttribute>().Any())
            .ToList();

        var undecided = pages.Where(page => !page.GetCustomAttributes<AuthorizeAttribute>().Any() && !page.GetCustomAttributes<AllowAnonymousAttribute>().Any());
        var anonymous = pages.Where(page => page.GetCustomAttributes<AllowAnonymousAttribute>().Any()).Select(page => page.Name).Order(StringComparer.Ordinal);

        Assert.True(pages.Count >= 14, $"only {pages.Count} pages found");
        Assert.Empty(undecided.Select(page => page.FullName));
        Assert.Equal(["Error", "Login", "NotFound"], anonymous);
    }
}
