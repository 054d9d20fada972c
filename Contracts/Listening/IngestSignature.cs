using System.Security.Cryptography;
using System.Text;

namespace SocialEnterprise.Contracts.Listening;

/// <summary>
/// The webhook signature channels put on every event: <c>X-Signature-256: sha256=&lt;lower-case hex of
/// HMAC-SHA256(channel secret, raw body)&gt;</c>, the scheme GitHub and Meta webhooks use.
/// </summary>
public static class IngestSignature
{
    public const string HeaderName = "X-Signature-256";

    private const string Prefix = "sha256=";

    public static string Sign(string secret, ReadOnlySpan<byte> body) =>
        Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    /// <summary>Checks <paramref name="header"/> against the body in constant time; a malformed header is simply invalid.</summary>
    public static bool IsValid(string secret, ReadOnlySpan<byte> body, string? header)
    {
        // The contract says lower-case hex, and exactly that is accepted: one spelling per signature.
        if (header is null || !header.StartsWith(Prefix, StringComparison.Ordinal) || header.Length != Prefix.Length + 64
            || header.AsSpan(Prefix.Length).ContainsAnyExcept("0123456789abcdef"))
        {
            return false;
        }

        Span<byte> given = stackalloc byte[32];
        if (Convert.FromHexString(header.AsSpan(Prefix.Length), given, out _, out var written) != System.Buffers.OperationStatus.Done
            || written != 32)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[32];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body, expected);
        return CryptographicOperations.FixedTimeEquals(given, expected);
    }
}
