using System.Security.Cryptography;
using System.Text.Json;

namespace SocialEnterprise.LocalRunner;

/// <summary>
/// The passwords and the token signing key of a local stack: generated on its first start, kept beside its data
/// (never in the repository) and reused, so that a second run opens the same PostgreSQL cluster and keeps everyone
/// signed in.
/// </summary>
public sealed record DevelopmentSecrets(string PostgresPassword, string CachePassword, string SigningKey)
{
    public const string FileName = "secrets.json";

    public static DevelopmentSecrets LoadOrCreate(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, FileName);
        var stored = File.Exists(path) ? JsonSerializer.Deserialize<DevelopmentSecrets>(File.ReadAllText(path)) : null;
        if (stored is { PostgresPassword.Length: > 0, CachePassword.Length: > 0, SigningKey.Length: > 0 })
        {
            return stored;
        }

        // A data folder from an older version may lack a secret added since: keep the ones it has (the PostgreSQL
        // cluster was initialised with that password) and generate the rest.
        Directory.CreateDirectory(dataDirectory);
        var secrets = new DevelopmentSecrets(
            Kept(stored?.PostgresPassword) ?? Generate(), Kept(stored?.CachePassword) ?? Generate(), Kept(stored?.SigningKey) ?? Generate());
        File.WriteAllText(path, JsonSerializer.Serialize(secrets, new JsonSerializerOptions { WriteIndented = true }));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return secrets;
    }

    private static string? Kept(string? secret) => string.IsNullOrEmpty(secret) ? null : secret;

    private static string Generate() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
}
