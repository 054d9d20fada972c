using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SocialEnterprise.Api.Access;
using SocialEnterprise.Contracts.Access;
using SocialEnterprise.Contracts.Audit;
using SocialEnterprise.Contracts.Staff;
using SocialEnterprise.Domain.Access;
using SocialEnterprise.Domain.Audit;
using SocialEnterprise.Domain.Staff;
using SocialEnterprise.Infrastructure.Access;
using SocialEnterprise.Infrastructure.Audit;
using SocialEnterprise.Infrastructure.Staff;

namespace SocialEnterprise.Api.IntegrationTests.Access;

public sealed class ApiKeysApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private readonly CancellationToken _cancellation = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_key_is_created_shown_once_used_and_revoked_and_the_audit_log_says_by_whom()
    {
        using var admin = api.CreateStaffClient(StaffRoles.Admin);

        using var created = await admin.PostAsJsonAsync("api/admin/api-keys", new CreateApiKeyRequest("CRM sync", [ApiScopes.Read]), _cancellation);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var key = (await created.Content.ReadFromJsonAsync<CreatedApiKeyResponse>(_cancellation))!;
        Assert.StartsWith(ApiKey.SecretPrefix, key.Secret, StringComparison.Ordinal);

        using (var integration = api.CreateClient(key.Secret))
        {
            var me = await integration.GetFromJsonAsync<CallerResponse>("api/me", _cancellation);
            Assert.Equal(("ApiKey", "CRM sync"), (me!.Kind, me.Name));
            Assert.Equal(["read"], me.Scopes);
            using var write = await integration.PostAsync("api/probes", null, _cancellation);
            Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        }

        var listed = await admin.GetFromJsonAsync<List<ApiKeyResponse>>("api/admin/api-keys", _cancellation);
        Assert.DoesNotContain(key.Secret, JsonSerializer.Serialize(listed), StringComparison.Ordinal);
        Assert.NotNull(Assert.Single(listed!, candidate => candidate.Id == key.Key.Id).LastUsedAt);

        using var revoked = await admin.DeleteAsync($"api/admin/api-keys/{key.Key.Id}", _cancellation);
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        using (var integration = api.CreateClient(key.Secret))
        {
            using var refused = await integration.GetAsync("api/me", _cancellation);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        await using var db = api.NewDbContext();
        var stored = await db.ApiKeys.SingleAsync(candidate => candidate.Id == key.Key.Id, _cancellation);
        Assert.Equal(ApiKey.HashOf(key.Secret), stored.Hash);
        Assert.Equal("admin@example.test", stored.RevokedBy);
        var audit = await db.AuditLog.Where(entry => entry.Target == "CRM sync").OrderBy(entry => entry.Id).ToListAsync(_cancellation);
        Assert.Equal([AuditActions.ApiKeyCreated, AuditActions.ApiKeyRevoked], audit.Select(entry => entry.Action));
        Assert.All(audit, entry => Assert.Equal(("admin@example.test", AuditActorKinds.Staff), (entry.Actor, entry.ActorKind)));
    }

    [Fact]
    public async Task The_secret_is_never_stored()
    {
        using var admin = api.CreateStaffClient(StaffRoles.Admin);
        using var created = await admin.PostAsJsonAsync("api/admin/api-keys", new CreateApiKeyRequest("never stored", [ApiScopes.Write]), _cancellation);
        var key = (await created.Content.ReadFromJsonAsync<CreatedApiKeyResponse>(_cancellation))!;

        await using var db = api.NewDbContext();
        var row = await db.Database.SqlQuery<string>($"SELECT row_to_json(api_keys)::text AS \"Value\" FROM api_keys WHERE id = {key.Key.Id}")
            .SingleAsync(_cancellation);
        Assert.DoesNotContain(key.Secret, row, StringComparison.Ordinal);
        Assert.DoesNotContain(key.Secret[3..], row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoking_twice_or_an_unknown_key_is_harmless()
    {
        using var admin = api.CreateStaffClient(StaffRoles.Admin);
        var secret = await api.CreateKeyAsync("twice", ApiScopes.Read);
        await using var db = api.NewDbContext();
        var id = (await db.ApiKeys.SingleAsync(key => key.Hash == ApiKey.HashOf(secret), _cancellation)).Id;

        using var first = await admin.DeleteAsync($"api/admin/api-keys/{id}", _cancellation);
        using var second = await admin.DeleteAsync($"api/admin/api-keys/{id}", _cancellation);
        using var unknown = await admin.DeleteAsync($"api/admin/api-keys/{Guid.NewGuid()}", _cancellation);

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, second.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(1, await db.AuditLog.CountAsync(entry => entry.Action == AuditActions.ApiKeyRevoked && entry.Target == "twice", _cancellation));
    }

    [Theory]
    [InlineData("""{"name":"","scopes":["read"]}""", "name")]
    [InlineData("""{"name":"no scopes","scopes":[]}""", "scopes")]
    [InlineData("""{"name":"bad scope","scopes":["read","root"]}""", "scopes")]
    public async Task An_invalid_key_request_is_a_problem_naming_the_field(string body, string field)
    {
        using var admin = api.CreateStaffClient(StaffRoles.Admin);

        using var response = await admin.PostAsync("api/admin/api-keys", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), _cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(_cancellation);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task The_development_admin_key_and_the_demo_company_are_seeded()
    {
        using var client = api.CreateClient(ApiFixture.Key);
        var me = await client.GetFromJsonAsync<CallerResponse>("api/me", _cancellation);

        Assert.Equal(ApiScopes.All.Order(), me!.Scopes);
        await using var db = api.NewDbContext();
        foreach (var staff in DemoCompany.Staff)
        {
            var user = await db.Users.Include(candidate => candidate.Departments).SingleAsync(candidate => candidate.UserName == staff.Email, _cancellation);
            Assert.Equal(staff.Departments.Order(), user.Departments.Select(membership => membership.DepartmentId).Order());
            var roles = await db.UserRoles.Where(role => role.UserId == user.Id)
                .Join(db.Roles, link => link.RoleId, role => role.Id, (_, role) => role.Name)
                .ToListAsync(_cancellation);
            Assert.Equal([staff.Role], roles);
        }
    }
}
