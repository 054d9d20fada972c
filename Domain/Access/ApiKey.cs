using System.Security.Cryptography;
using System.Text;
using SocialEnterprise.Contracts.Access;

namespace SocialEnterprise.Domain.Access;

/// <summary>
/// A key an integration presents as <c>Authorization: Bearer &lt;key&gt;</c>. Only a SHA-256 hash of the secret is
/// stored; the secret itself is shown once, when the key is created.
/// </summary>
public sealed class ApiKey
{
    /// <summary>Keys the system issues start with this, so they are recognisable in logs and secret scanners.</summary>
    public const string SecretPrefix = "se_";

    private ApiKey(Guid id, string name, string hash, string hint, string[] scopes, string createdBy, DateTimeOffset createdAt)
    {
        Id = id;
        Name = name;
        Hash = hash;
        Hint = hint;
        Scopes = scopes;
        CreatedBy = createdBy;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; }

    /// <summary>Lower-case hex SHA-256 of the secret.</summary>
    public string Hash { get; private set; }

    /// <summary>The first characters of the secret, to tell keys apart in lists.</summary>
    public string Hint { get; private set; }

    public string[] Scopes { get; private set; }

    public string CreatedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public string? RevokedBy { get; private set; }

    public DateTimeOffset? LastUsedAt { get; private set; }

    public bool IsRevoked => RevokedAt is not null;

    /// <summary>Creates a key with a fresh random secret; the secret is returned once and never stored.</summary>
    public static (ApiKey Key, string Secret) Issue(string name, IEnumerable<string> scopes, string createdBy, DateTimeOffset now)
    {
        var secret = SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (FromSecret(name, secret, scopes, createdBy, now), secret);
    }

    /// <summary>A key for a secret chosen elsewhere (the local runner's documented <c>dev-admin-key</c>).</summary>
    public static ApiKey FromSecret(string name, string secret, IEnumerable<string> scopes, string createdBy, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(secret);
        var scopeList = scopes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (scopeList.Length == 0 || scopeList.Any(scope => !ApiScopes.All.Contains(scope)))
        {
            throw new ArgumentException($"Scopes must be among {string.Join(", ", ApiScopes.All)}.", nameof(scopes));
        }

        return new ApiKey(Guid.CreateVersion7(now), name.Trim(), HashOf(secret), secret[..Math.Min(6, secret.Length)], scopeList, createdBy, now);
    }

    public static string HashOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public bool Revoke(string by, DateTimeOffset now)
    {
        if (IsRevoked)
        {
            return false;
        }

        RevokedAt = now;
        RevokedBy = by;
        return true;
    }

    /// <summary>Records use, at most once a minute: a key used a thousand times a second must not write a thousand rows.</summary>
    public bool MarkUsed(DateTimeOffset now)
    {
        if (LastUsedAt is { } last && now - last < TimeSpan.FromMinutes(1))
        {
            return false;
        }

        LastUsedAt = now;
        return true;
    }
}
