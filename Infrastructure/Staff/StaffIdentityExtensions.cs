using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SocialEnterprise.Contracts.Staff;
using SocialEnterprise.Infrastructure.Persistence;

namespace SocialEnterprise.Infrastructure.Staff;

public static class StaffIdentityExtensions
{
    /// <summary>
    /// ASP.NET Core Identity for staff, stored in the CRM database: password rules (12+ characters with upper and
    /// lower case and a digit), lockout after <see cref="StaffLimits.MaxFailedSignIns"/> failures, unique e-mail addresses.
    /// </summary>
    public static IdentityBuilder AddStaffIdentity(this IServiceCollection services) =>
        services.AddIdentityCore<StaffUser>(options =>
            {
                options.Password.RequiredLength = StaffLimits.MinPasswordLength;
                options.Password.RequireDigit = true;
                options.Password.RequireLowercase = true;
                options.Password.RequireUppercase = true;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.MaxFailedAccessAttempts = StaffLimits.MaxFailedSignIns;
                options.Lockout.DefaultLockoutTimeSpan = StaffLimits.LockoutDuration;
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<CrmDbContext>();
}
