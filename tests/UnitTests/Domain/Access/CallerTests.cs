using System.Security.Claims;
using SocialEnterprise.Domain.Access;
using SocialEnterprise.Domain.Staff;

namespace SocialEnterprise.UnitTests.Domain.Access;

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
    public void Staff_see_their_own_departments_and_admins_see_all()
    {
        var agent = Caller.From(Principal(CallerKind.Staff, roles: [StaffRoles.Agent], departments: ["support"]));
        var admin = Caller.From(Principal(CallerKind.Staff, roles: [StaffRoles.Admin]));

        Assert.True(agent.CanSeeDepartment("support"));
        Assert.False(agent.CanSeeDepartment("legal"));
        Assert.True(admin.CanSeeDepartment("legal"));
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
