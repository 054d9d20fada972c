using SocialEnterprise.LocalRunner;

namespace SocialEnterprise.UnitTests.LocalRunner;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class DevelopmentSecretsTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"secrets-{Guid.NewGuid():N}");

    [Fact]
    public void Secrets_are_generated_once_kept_private_and_reused()
    {
        var first = DevelopmentSecrets.LoadOrCreate(_directory);
        var second = DevelopmentSecrets.LoadOrCreate(_directory);

        Assert.Equal(first, second);
        Assert.Equal(3, new[] { first.PostgresPassword, first.CachePassword, first.SigningKey }.Distinct().Count());
        Assert.All(new[] { first.PostgresPassword, first.CachePassword, first.SigningKey }, secret => Assert.True(secret.Length >= 32));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_directory, DevelopmentSecrets.FileName)));
    }

    [Fact]
    public void A_data_folder_from_before_a_secret_existed_keeps_its_passwords_and_gains_the_new_secret()
    {
        Directory.CreateDirectory(_directory);
        File.WriteAllText(Path.Combine(_directory, DevelopmentSecrets.FileName),
            """{ "PostgresPassword": "cluster-password", "CachePassword": "cache-password", "ApiKey": "retired" }""");

        var secrets = DevelopmentSecrets.LoadOrCreate(_directory);

        Assert.Equal("cluster-password", secrets.PostgresPassword);
        Assert.Equal("cache-password", secrets.CachePassword);
        Assert.True(secrets.SigningKey.Length >= 32);
        Assert.Equal(secrets, DevelopmentSecrets.LoadOrCreate(_directory));
    }

    [Fact]
    public void The_repository_root_is_found_from_any_folder_inside_it()
    {
        var root = RepositoryRoot.Find(AppContext.BaseDirectory);

        Assert.True(File.Exists(Path.Combine(root, RepositoryRoot.SolutionFile)));
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
