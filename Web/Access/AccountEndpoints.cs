using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;

namespace SocialEnterprise.Web.Access;

internal static class AccountEndpoints
{
    public const string LoginPath = "/account/login";
    public const string LogoutPath = "/account/logout";

    /// <summary>
    /// Sign-in attempts allowed per client address per minute (<c>SignIn:AttemptsPerMinute</c>), on top of the
    /// per-account lockout.
    /// </summary>
    public const int DefaultSignInAttemptsPerMinute = 10;

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

    /// <summary>
    /// Throttles posts of the sign-in form per client address; everything else passes. Password guessing then costs an
    /// attacker minutes per handful of tries, across every account at once.
    /// </summary>
    public static IServiceCollection AddSignInRateLimit(this IServiceCollection services, IConfiguration configuration)
    {
        var permitted = configuration.GetValue("SignIn:AttemptsPerMinute", DefaultSignInAttemptsPerMinute);
        return services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Answered here: re-executing the status page would repeat the POST and trip antiforgery instead.
            options.OnRejected = async (context, cancellationToken) =>
            {
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                context.HttpContext.Response.Headers.RetryAfter = "60";
                await context.HttpContext.Response.WriteAsync(
                    "Too many sign-in attempts came from your address. Wait a minute, then try again.", cancellationToken);
            };
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                HttpMethods.IsPost(http.Request.Method) && http.Request.Path.StartsWithSegments(LoginPath)
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = permitted, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter("unlimited"));
        });
    }
}
