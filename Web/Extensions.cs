using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor.Services;
using SocialEnterprise.Contracts.Access;
using SocialEnterprise.Contracts.Staff;
using SocialEnterprise.Shared;
using SocialEnterprise.Web.Access;
using SocialEnterprise.Web.Live;
using SocialEnterprise.Web.Operations;
using SocialEnterprise.Web.Presence;

namespace SocialEnterprise.Web;

internal static class Extensions
{
    /// <summary>
    /// What the workspace's pages may load: only its own scripts (no inline script), inline styles for the component
    /// library, and its own WebSocket for the circuit.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self' ws: wss:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();

        builder.AddStaffAccess();

        builder.Services.AddApiClients();

        builder.Services.AddSingleton<WorkspaceMetrics>();
        builder.Services.AddScoped<CircuitHandler, CircuitMetricsHandler>();
        builder.Services.AddSingleton<LiveEventStream>();
        builder.Services.AddHostedService(services => services.GetRequiredService<LiveEventStream>());

        builder.Services.AddSingleton<PresenceTracker>();
        builder.Services.AddHostedService<PresenceSweep>();
        builder.Services.AddScoped<PresenceSession>();
        builder.Services.AddScoped<Components.Inbox.InboxTrail>();
        builder.Services.AddScoped<CircuitHandler, PresenceCircuitHandler>();

        builder.Services.AddHealthChecks()
            .AddCheck<ApiHealthCheck>(Resources.Api);
    }

    /// <summary>
    /// Staff sign-in with ASP.NET Core Identity (cookie; accounts read from the CRM database through the workspace's own
    /// small context), data-protection keys kept in the database so that cookies survive restarts and work across
    /// instances, and the tokens the workspace calls the Api with.
    /// </summary>
    private static void AddStaffAccess(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AccessOptions>()
            .BindConfiguration(AccessOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<StaffTokens>();

        builder.Services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        builder.Services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = AccountEndpoints.LoginPath;
            cookie.AccessDeniedPath = "/status/403";
            cookie.Cookie.Name = "se.workspace";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(10);
            cookie.SlidingExpiration = true;
        });
        builder.AddNpgsqlDbContext<WorkspaceIdentityDbContext>(Resources.Database,
            configureDbContextOptions: options => options.UseSnakeCaseNamingConvention());
        builder.Services.AddIdentityCore<StaffAccount>(options =>
            {
                options.Lockout.MaxFailedAccessAttempts = StaffLimits.MaxFailedSignIns;
                options.Lockout.DefaultLockoutTimeSpan = StaffLimits.LockoutDuration;
                options.Lockout.AllowedForNewUsers = true;
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<WorkspaceIdentityDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<StaffClaimsPrincipalFactory>();
        builder.Services.AddScoped<StaffSignIn>();
        builder.Services.AddAuthorizationBuilder().AddWorkspacePolicies();
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddOptions<SignInLimitOptions>()
            .BindConfiguration(SignInLimitOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<SignInThrottle>();

        builder.Services.AddDataProtection()
            .SetApplicationName("SocialEnterprise.Web")
            .PersistKeysToDbContext<WorkspaceIdentityDbContext>();
    }
}
