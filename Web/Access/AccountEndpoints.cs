using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;

namespace SocialEnterprise.Web.Access;

internal static class AccountEndpoints
{
    public const string LoginPath = "/account/login";
    public const string LogoutPath = "/account/logout";

    /// <summary>Sign-out is a POST with an antiforgery token (the form in the user menu sends it).</summary>
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost(LogoutPath, async (ClaimsPrincipal user, HttpContext http, StaffSignIn signIn, [FromForm] string? returnUrl) =>
        {
            await signIn.SignOutAsync(user, http.Connection.RemoteIpAddress?.ToString());
            return TypedResults.LocalRedirect($"~{LoginPath}");
        });
        return app;
    }
}
