using SocialEnterprise.Contracts.Access;
using SocialEnterprise.Web.Components.Admin;

namespace SocialEnterprise.Web.ComponentTests.Admin;

public sealed class ApiKeysTests : WorkspaceContext
{
    private static readonly ApiKeyResponse Reporting = new(
        Guid.NewGuid(), "Reporting", "se_4f2a", [ApiScopes.Read], "admin@example.test", DateTimeOffset.UtcNow, null, null, null);

    public ApiKeysTests() => SignInAs("admin");

    [Fact]
    public void A_failed_load_shows_its_reason_and_trying_again_lists_the_keys() =>
        TryingAgainAfterAFailedLoadShows<ApiKeys>("/api/admin/api-keys", "The keys", "api-keys-error", new[] { Reporting }, "[data-testid=api-key]");
}
