using System.Security.Cryptography;
using System.Text.Json;

namespace SocialEnterprise.LocalRunner;

/// <summary>
/// The passwords and the workspace's Api key of a local stack: generated on its first start, kept beside its data
/// (never in the repository) and reused, so that a second run opens the same PostgreSQL cluster.
/// </summary>
public sealed record DevelopmentSecrets(string PostgresPassword, string CachePassword, string ApiKey)
{
    public const string FileName = "secrets.json";

    public static DevelopmentSecrets LoadOrCreate(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, FileName);
        if (File.Exists(path))
        {
            return JsonSerializer.Deserialize<DevelopmentSecrets>(File.ReadAllText(path))
                   ?? throw new InvalidDataException($"{path} is empty; delete it together with the data folders to start afresh.");
        }

        Directory.CreateDirectory(dataDirectory);
        var secrets = new DevelopmentSecrets(Generate(), Generate(), Generate());
        File.WriteAllText(path, JsonSerializer.Serialize(secrets, new JsonSerializerOptions { WriteIndented = true }));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return secrets;
    }

    private static string Generate() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
}
