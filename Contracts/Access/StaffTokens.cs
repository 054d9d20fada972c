using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SocialEnterprise.Contracts.Access;

/// <summary>
/// The key the workspace signs its short-lived tokens with and the Api checks them with (<c>Auth:SigningKey</c>): the
/// local runner generates it, the Aspire AppHost passes it as a secret parameter.
/// </summary>
public sealed class AccessOptions
{
    public const string Section = "Auth";

    [Required(ErrorMessage = "Auth:SigningKey is not set: the workspace and the Api need the same signing key (./run.sh sets it).")]
    [MinLength(32, ErrorMessage = "Auth:SigningKey must be at least 32 characters.")]
    public string SigningKey { get; set; } = "";

    /// <summary>How long a token the workspace issues is valid; short, because it is renewed on every call.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>
/// Tokens by which the workspace calls the Api as the signed-in staff member: user, roles and departments, signed
/// with HMAC-SHA256, valid for minutes.
/// </summary>
public sealed class StaffTokens(IOptions<AccessOptions> options, TimeProvider time)
{
    public const string Issuer = "social-enterprise-workspace";
    public const string Audience = "social-enterprise-api";

    private readonly JsonWebTokenHandler _handler = new();

    public string IssueFor(CallerKind kind, string subject, string name, string displayName, IEnumerable<string> roles, IEnumerable<string> departments)
    {
        var claims = new List<Claim>
        {
            new(AccessClaims.Subject, subject),
            new(AccessClaims.Name, name),
            new(AccessClaims.DisplayName, displayName),
            new(AccessClaims.Kind, kind.ToString()),
        };
        claims.AddRange(roles.Select(role => new Claim(AccessClaims.Role, role)));
        claims.AddRange(departments.Select(department => new Claim(AccessClaims.Department, department)));

        var now = time.GetUtcNow().UtcDateTime;
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity(claims),
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + options.Value.TokenLifetime,
            SigningCredentials = new SigningCredentials(SigningKey(options.Value), SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>The workspace's own token, for what it does for every page at once (following the event stream).</summary>
    public string IssueForWorkspace() => IssueFor(CallerKind.Workspace, "workspace", "workspace", "Workspace", [], []);

    /// <summary>The checks the Api applies: signature, issuer, audience and lifetime (30 s of clock skew).</summary>
    public static TokenValidationParameters ValidationParameters(AccessOptions options) => new()
    {
        ValidIssuer = Issuer,
        ValidAudience = Audience,
        IssuerSigningKey = SigningKey(options),
        ValidateIssuerSigningKey = true,
        ValidateLifetime = true,
        RequireExpirationTime = true,
        ClockSkew = TimeSpan.FromSeconds(30),
        NameClaimType = AccessClaims.Name,
        RoleClaimType = AccessClaims.Role,
    };

    private static SymmetricSecurityKey SigningKey(AccessOptions options) => new(Encoding.UTF8.GetBytes(options.SigningKey));
}
