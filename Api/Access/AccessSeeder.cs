using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SocialEnterprise.Contracts.Access;
using SocialEnterprise.Contracts.Staff;
using SocialEnterprise.Domain.Access;
using SocialEnterprise.Domain.Staff;
using SocialEnterprise.Infrastructure.Persistence;
using SocialEnterprise.Infrastructure.Staff;

namespace SocialEnterprise.Api.Access;

/// <summary>What the Api seeds (<c>Seed:*</c>); the AppHost sets both in development, only the admin key elsewhere.</summary>
public sealed class SeedOptions
{
    public const string Section = "Seed";

    /// <summary>Create the demo company's staff (README lists them) if they are missing.</summary>
    public bool DemoCompany { get; set; }

    /// <summary>
    /// An API key with every scope to create if missing: the documented <c>dev-admin-key</c> in development, the AppHost's
    /// generated <c>admin-key</c> parameter elsewhere (the dashboard's commands call with it).
    /// </summary>
    public string? AdminKey { get; set; }
}

/// <summary>
/// Runs after the migrator: the staff roles always exist; the demo company and the admin key exist when
/// configured. Idempotent, so every start may run it.
/// </summary>
public sealed partial class AccessSeeder(
    IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider time, ILogger<AccessSeeder> logger) : IHostedService
{
    public const string AdminKeyName = "seeded-admin";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var seed = configuration.GetSection(SeedOptions.Section).Get<SeedOptions>() ?? new SeedOptions();
        await using var scope = scopes.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole<Guid>>>();
        foreach (var role in StaffRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Ensure(await roles.CreateAsync(new IdentityRole<Guid>(role)), $"role {role}");
            }
        }

        if (seed.DemoCompany)
        {
            await SeedDemoCompanyAsync(scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>());
        }

        if (!string.IsNullOrWhiteSpace(seed.AdminKey))
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            var hash = ApiKey.HashOf(seed.AdminKey);
            if (!await db.ApiKeys.AnyAsync(key => key.Hash == hash, cancellationToken))
            {
                db.ApiKeys.Add(ApiKey.FromSecret(AdminKeyName, seed.AdminKey, ApiScopes.All, "seed", time.GetUtcNow()));
                await db.SaveChangesAsync(cancellationToken);
                LogSeededKey(logger, AdminKeyName);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task SeedDemoCompanyAsync(UserManager<StaffUser> users)
    {
        var created = 0;
        foreach (var staff in DemoCompany.Staff)
        {
            if (await users.FindByNameAsync(staff.Email) is not null)
            {
                continue;
            }

            var user = new StaffUser
            {
                UserName = staff.Email, Email = staff.Email, EmailConfirmed = true, DisplayName = staff.DisplayName,
                Skills = [.. staff.Skills ?? []], Capacity = staff.Capacity,
            };
            user.Departments.AddRange(staff.Departments.Select(department => new DepartmentMembership { DepartmentId = department }));
            Ensure(await users.CreateAsync(user, DemoCompany.Password), staff.Email);
            Ensure(await users.AddToRoleAsync(user, staff.Role), $"{staff.Email} as {staff.Role}");
            created++;
        }

        if (created > 0)
        {
            LogSeededStaff(logger, created);
        }
    }

    private static void Ensure(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not seed {what}: {string.Join("; ", result.Errors.Select(error => error.Description))}");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded {Count} demo staff members (see README for their sign-in)")]
    private static partial void LogSeededStaff(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded the development API key '{Name}'")]
    private static partial void LogSeededKey(ILogger logger, string name);
}
