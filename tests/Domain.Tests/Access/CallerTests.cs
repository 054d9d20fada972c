using System.Security.Claims;
using SocialEnterprise.Contracts.Access;
using SocialEnterprise.Contracts.Staff;
using SocialEnterprise.Domain.Access;
using SocialEnterprise.Domain.Staff;

namespace SocialEnterprise.Domain.Tests.Access;

public sealed class CallerTests
{
    [Theory]
    [InlineData(StaffRoles.Admin, true, true, true)]
    [InlineData(StaffRoles.Manager, true, true, false)]
    [InlineData(StaffRoles.Agent, true, true, false)]
    [InlineData(StaffRoles.Member, true, true, false)]
    [InlineData("contractor", false, false, false)]
    public void Staff_permissions_follow_the_role(string role, bool read, bool write, bool administer)
    {
        var caller = Caller.From(Principal(CallerKind.Staff, roles: [role]));

        Assert.Equal((read, write, administer, false),
            (caller.Can(Permission.Read), caller.Can(Permission.Write), caller.Can(Permission.Administer), caller.Can(Permission.Ingest)));
    }

    [Theory]
    [InlineData(ApiScopes.Read, Permission.Read)]
    [InlineData(ApiScopes.Write, Permission.Write)]
    [InlineData(ApiScopes.Ingest, Permission.Ingest)]
    public void A_key_does_only_what_its_scope_says(string scope, Permission allowed)
    {
        var caller = Caller.From(Principal(CallerKind.ApiKey, scopes: [scope]));

        Assert.All(Enum.GetValues<Permission>(), permission => Assert.Equal(permission == allowed, caller.Can(permission)));
    }

    [Fact]
    public void An_admin_key_does_everything_and_the_workspace_itself_only_reads()
    {
        var admin = Caller.From(Principal(CallerKind.ApiKey, scopes: [ApiScopes.Admin]));
        var workspace = Caller.From(Principal(CallerKind.Workspace));

        Assert.All(Enum.GetValues<Permission>(), permission => Assert.True(admin.Can(permission)));
        Assert.Equal([Permission.Read], Enum.GetValues<Permission>().Where(workspace.Can));
    }

    [Fact]
    public void Nobody_unauthenticated_can_do_anything()
    {
        var caller = Caller.From(new ClaimsPrincipal(new ClaimsIdentity()));

        Assert.Equal(CallerKind.Anonymous, caller.Kind);
        Assert.DoesNotContain(Enum.GetValues<Permission>(), caller.Can);
    }

    [Fact]
    public void Admins_and_read_keys_see_everything_and_only_managers_and_agents_among_staff_triage()
    {
        var agent = Caller.From(Principal(CallerKind.Staff, roles: [StaffRoles.Agent], departments: ["support"]));
        var member = Caller.From(Principal(CallerKind.Staff, roles: [StaffRoles.Member], departments: ["legal"]));
        var admin = Caller.From(Principal(CallerKind.Staff, roles: [StaffRoles.Admin]));
        var readKey = Caller.From(Principal(CallerKind.ApiKey, scopes: [ApiScopes.Read]));
        var writeKey = Caller.From(Principal(CallerKind.ApiKey, scopes: [ApiScopes.Write]));

        Assert.Equal([false, false, true, true, false], new[] { agent, member, admin, readKey, writeKey }.Select(c => c.SeesEverything));
        Assert.Equal([true, false, true, true, false], new[] { agent, member, admin, readKey, writeKey }.Select(c => c.CanTriage));
    }

    private static ClaimsPrincipal Principal(CallerKind kind, string[]? roles = null, string[]? departments = null, string[]? scopes = null)
    {
        var claims = new List<Claim> { new(AccessClaims.Kind, kind.ToString()), new(AccessClaims.Name, "someone") };
        claims.AddRange((roles ?? []).Select(role => new Claim(AccessClaims.Role, role)));
        claims.AddRange((departments ?? []).Select(department => new Claim(AccessClaims.Department, department)));
        claims.AddRange((scopes ?? []).Select(scope => new Claim(AccessClaims.Scope, scope)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
    }
}
