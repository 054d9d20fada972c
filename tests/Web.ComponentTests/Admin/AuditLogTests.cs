using SocialEnterprise.Contracts.Audit;
using SocialEnterprise.Web.Components.Admin;

namespace SocialEnterprise.Web.ComponentTests.Admin;

public sealed class AuditLogTests : WorkspaceContext
{
    private static readonly AuditEntryResponse SignIn = new(
        1, DateTimeOffset.UtcNow, "admin@example.test", "staff", "staff.signed-in", null, null, "127.0.0.1");

    public AuditLogTests() => SignInAs("admin");

    [Fact]
    public void A_failed_load_shows_its_reason_and_trying_again_loads_the_log() =>
        TryingAgainAfterAFailedLoadShows<AuditLog>(
            "/api/admin/audit", "The audit log", "audit-error", new AuditPage([SignIn], null), "[data-testid=audit-entry]");
}
