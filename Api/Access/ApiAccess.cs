using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using SocialEnterprise.Api.Events;

namespace SocialEnterprise.Api.Access;

/// <summary>
/// The keys that may call the Api, by name (<c>ApiAccess:Keys:&lt;name&gt;</c>). The workspace holds one; the local
/// runner generates it on first start and keeps it in <c>.data/</c>, the Aspire AppHost takes it as a secret parameter.
/// </summary>
public sealed class ApiAccessOptions
{
    public const string Section = "ApiAccess";

    [Required]
    [MinLength(1, ErrorMessage = "At least one key must be configured under ApiAccess:Keys.")]
    public Dictionary<string, string> Keys { get; set; } = [];
}

internal static class ApiAccessExtensions
{
    public const string Scheme = "ApiKey";

    public static void AddApiAccess(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ApiAccessOptions>()
            .BindConfiguration(ApiAccessOptions.Section)
            .ValidateDataAnnotations()
            .Validate(options => options.Keys.Values.All(key => !string.IsNullOrWhiteSpace(key)), "An ApiAccess key is empty.")
            .ValidateOnStart();

        builder.Services.AddAuthentication(Scheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(Scheme, null);
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(null)
            .AddDefaultPolicy("api-key", policy => policy.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser());
    }
}

/// <summary>
/// Accepts <c>Authorization: Bearer &lt;key&gt;</c>, and for WebSocket upgrades of the event hub the
/// <c>access_token</c> query parameter that SignalR clients send when they cannot set headers.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptionsMonitor<ApiAccessOptions> access)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = PresentedKey();
        if (presented is null)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var presentedHash = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        foreach (var (name, key) in access.CurrentValue.Keys)
        {
            if (CryptographicOperations.FixedTimeEquals(presentedHash, SHA256.HashData(Encoding.UTF8.GetBytes(key))))
            {
                var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, name), new Claim("api_key", name)], Scheme.Name);
                return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name)));
            }
        }

        return Task.FromResult(AuthenticateResult.Fail("Unknown API key."));
    }

    private string? PresentedKey()
    {
        var header = Request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return header["Bearer ".Length..].Trim();
        }

        return Request.Path.StartsWithSegments(EventStreamApi.HubPath)
            ? Request.Query["access_token"].ToString() is { Length: > 0 } token ? token : null
            : null;
    }
}
