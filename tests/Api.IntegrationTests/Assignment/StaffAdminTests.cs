using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialEnterprise.Api.IntegrationTests.Listening;
using SocialEnterprise.Contracts.Assignment;
using SocialEnterprise.Contracts.Audit;
using SocialEnterprise.Contracts.Staff;
using SocialEnterprise.Domain.Audit;
using SocialEnterprise.Domain.Staff;
using SocialEnterprise.Infrastructure.Assignment;
using SocialEnterprise.Infrastructure.Audit;
using SocialEnterprise.Infrastructure.Staff;

namespace SocialEnterprise.Api.IntegrationTests.Assignment;

/// <summary>Admins add staff members, who can then sign in and be assigned; bad input stores nobody.</summary>
public sealed class StaffAdminTests(ListeningFixture intake) : IClassFixture<ListeningFixture>
{
    private readonly CancellationToken _cancellation = TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_admin_adds_a_staff_member_who_can_sign_in_with_their_role_departments_skills_and_capacity()
    {
        var (_, adminToken) = await intake.DemoStaffAsync("admin", _cancellation);
        using var admin = intake.CreateClient(adminToken);
        var email = $"nina.{Guid.NewGuid():N}"[..17] + "@example.test";

        using var response = await admin.PostAsJsonAsync("api/staff", new NewStaffRequest(
            email, "Nina Newcomer", StaffRoles.Agent, ["support", "sales"], "First-Password-2026", ["billing"], 5), _cancellation);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var added = (await response.Content.ReadFromJsonAsync<StaffProfileView>(_cancellation))!;
        Assert.Equal(("Nina Newcomer", 5, StaffAvailability.Offline), (added.DisplayName, added.Capacity, added.Availability));
        Assert.Equal(["sales", "support"], added.Departments);
        Assert.Equal(["billing"], added.Skills);
        await using var scope = intake.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var stored = (await users.FindByEmailAsync(email))!;
        Assert.True(await users.CheckPasswordAsync(stored, "First-Password-2026"));
        Assert.Equal([StaffRoles.Agent], await users.GetRolesAsync(stored));
        var directory = (await admin.GetFromJsonAsync<List<StaffMemberView>>("api/staff?department=sales", _cancellation))!;
        Assert.Contains(directory, member => member.Id == added.Id);
        await using var db = intake.NewDbContext();
        Assert.True(await db.AuditLog.AnyAsync(a => a.Action == AuditActions.StaffAdded && a.Target == $"staff/{added.Id}", _cancellation));

        using var again = await admin.PostAsJsonAsync("api/staff", new NewStaffRequest(
            email, "Nina Again", StaffRoles.Agent, ["support"], "First-Password-2026", null, null), _cancellation);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("\"email\"", await again.Content.ReadAsStringAsync(_cancellation), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_bad_field_is_named_and_nobody_is_stored()
    {
        var (_, adminToken) = await intake.DemoStaffAsync("admin", _cancellation);
        using var admin = intake.CreateClient(adminToken);
        await using var before = intake.NewDbContext();
        var count = await before.Users.CountAsync(_cancellation);

        using var response = await admin.PostAsJsonAsync("api/staff", new NewStaffRequest(
            "not an address", "", "boss", ["hr"], "short", ["not-a-topic"], 1000), _cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ValidationProblemDetails>(_cancellation);
        Assert.Equal(
            ["capacity", "departments", "displayName", "email", "password", "role", "skills"],
            problem!.Errors.Keys.Order(StringComparer.Ordinal));
        await using var after = intake.NewDbContext();
        Assert.Equal(count, await after.Users.CountAsync(_cancellation));
    }
}
