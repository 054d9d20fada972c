using SocialEnterprise.Contracts.Access;
using SocialEnterprise.Domain.Access;

namespace SocialEnterprise.Domain.Tests.Access;

public sealed class ApiKeyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_issued_key_keeps_only_a_hash_and_a_hint_of_its_secret()
    {
        var (key, secret) = ApiKey.Issue("crm sync", [ApiScopes.Write, ApiScopes.Read, ApiScopes.Read], "ada", Now);

        Assert.StartsWith(ApiKey.SecretPrefix, secret, StringComparison.Ordinal);
        Assert.True(secret.Length >= 40);
        Assert.Equal(ApiKey.HashOf(secret), key.Hash);
        Assert.Equal(64, key.Hash.Length);
        Assert.Equal(secret[..6], key.Hint);
        Assert.Equal([ApiScopes.Read, ApiScopes.Write], key.Scopes);
        Assert.NotEqual(secret, ApiKey.Issue("other", [ApiScopes.Read], "ada", Now).Secret);
    }

    [Theory]
    [InlineData("")]
    [InlineData("root")]
    public void Scopes_must_be_known_and_present(string scope) =>
        Assert.Throws<ArgumentException>(() => ApiKey.Issue("bad", scope.Length == 0 ? [] : [scope], "ada", Now));

    [Fact]
    public void Revoking_happens_once()
    {
        var (key, _) = ApiKey.Issue("k", [ApiScopes.Read], "ada", Now);

        Assert.True(key.Revoke("ada", Now.AddHours(1)));
        Assert.False(key.Revoke("bob", Now.AddHours(2)));
        Assert.Equal(("ada", Now.AddHours(1)), (key.RevokedBy, key.RevokedAt!.Value));
    }

    [Fact]
    public void Use_is_recorded_at_most_once_a_minute()
    {
        var (key, _) = ApiKey.Issue("k", [ApiScopes.Read], "ada", Now);

        Assert.True(key.MarkUsed(Now));
        Assert.False(key.MarkUsed(Now.AddSeconds(59)));
        Assert.True(key.MarkUsed(Now.AddSeconds(60)));
    }
}
