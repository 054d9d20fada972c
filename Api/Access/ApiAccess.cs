using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialEnterprise.Api.Events;
using SocialEnterprise.Contracts.Access;
using SocialEnterprise.Domain.Access;
using SocialEnterprise.Infrastructure.Persistence;
using SocialEnterprise.Infrastructure.Staff;

namespace SocialEnterprise.Api.Access;

internal static class ApiAccessExtensions
{
    public const string Scheme = "StaffTokenOrApiKey";
    public const string ApiKeyScheme = "ApiKey";

    /// <summary>
    /// Two kinds of bearer: the workspace's short-lived signed tokens (JWT, three dot-separated parts) and API keys.
    /// Both end as a principal that <see cref="Caller"/> reads, and every endpoint requires one <see cref="Permission"/>.
    /// </summary>
    public static void AddApiAccess(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AccessOptions>()
            .BindConfiguration(AccessOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddStaffIdentity();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<RequestContext>();

        builder.Services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "Staff token or API key", options =>
                options.ForwardDefaultSelector = context =>
                    PresentedBearer(context.Request) is { } token && token.Count(character => character == '.') == 2
                        ? JwtBearerDefaults.AuthenticationScheme
                        : ApiKeyScheme)
            .AddJwtBearer(options =>
            {
                options.MapInboundClaims = false;
                options.Events = new JwtBearerEvents
                {
                    OnMessageReceived = context =>
                    {
                        context.Token = PresentedBearer(context.Request);
                        return Task.CompletedTask;
                    },
                };
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyScheme, null);
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<AccessOptions>>((jwt, access) => jwt.TokenValidationParameters = StaffTokens.ValidationParameters(access.Value));

        var authorization = builder.Services.AddAuthorizationBuilder();
        foreach (var permission in Enum.GetValues<Permission>())
        {
            authorization.AddPolicy(PolicyName(permission), policy => policy
                .RequireAuthenticatedUser()
                .RequireAssertion(context => Caller.From(context.User).Can(permission)));
        }

        authorization.AddPolicy(TriagePolicy, policy => policy
            .RequireAuthenticatedUser()
            .RequireAssertion(context => Caller.From(context.User).CanTriage));
    }

    public const string TriagePolicy = "triage";

    /// <summary>
    /// Only callers who work the untriaged intake (see <see cref="Caller.CanTriage"/>) reach the endpoints, on top of
    /// the permission the endpoint requires.
    /// </summary>
    public static TBuilder RequireTriage<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.RequireAuthorization(TriagePolicy);

    /// <summary>Only callers who hold <paramref name="permission"/> reach the endpoints; others get 401 or 403.</summary>
    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, Permission permission)
        where TBuilder : IEndpointConventionBuilder => builder.RequireAuthorization(PolicyName(permission));

    public static string PolicyName(Permission permission) => $"permission:{permission}";

    /// <summary>
    /// Only a staff member (not an API key) may call the endpoint; anyone else gets 400 saying what only staff do
    /// ("Only staff members approve replies."), before the handler runs.
    /// </summary>
    public static RouteHandlerBuilder RequireStaff(this RouteHandlerBuilder builder, string whatStaffDo) =>
        builder.AddEndpointFilter(async (context, next) => Caller.From(context.HttpContext.User).StaffId is null
            ? TypedResults.Problem($"Only staff members {whatStaffDo}.", statusCode: StatusCodes.Status400BadRequest)
            : await next(context));

    /// <summary>
    /// The bearer token of the request: the Authorization header, or for WebSocket upgrades of the event hub the
    /// <c>access_token</c> query parameter that SignalR clients use when they cannot set headers.
    /// </summary>
    internal static string? PresentedBearer(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return header["Bearer ".Length..].Trim() is { Length: > 0 } token ? token : null;
        }

        return request.Path.StartsWithSegments(EventStreamApi.HubPath) && request.Query["access_token"].ToString() is { Length: > 0 } queryToken
            ? queryToken
            : null;
    }
}

/// <summary>Accepts API keys by the hash of their secret; a revoked or unknown key is refused.</summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    CrmDbContext db,
    TimeProvider time)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (ApiAccessExtensions.PresentedBearer(Request) is not { } secret)
        {
            return AuthenticateResult.NoResult();
        }

        var hash = ApiKey.HashOf(secret);
        var key = await db.ApiKeys.SingleOrDefaultAsync(candidate => candidate.Hash == hash, Context.RequestAborted);
        if (key is null || key.IsRevoked)
        {
            return AuthenticateResult.Fail("Unknown or revoked API key.");
        }

        if (key.MarkUsed(time.GetUtcNow()))
        {
            await db.SaveChangesAsync(Context.RequestAborted);
        }

        List<Claim> claims =
        [
            new(AccessClaims.Subject, key.Id.ToString()),
            new(AccessClaims.Name, key.Name),
            new(AccessClaims.Kind, nameof(CallerKind.ApiKey)),
            .. key.Scopes.Select(scope => new Claim(AccessClaims.Scope, scope)),
        ];
        var identity = new ClaimsIdentity(claims, Scheme.Name, AccessClaims.Name, AccessClaims.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }
}
