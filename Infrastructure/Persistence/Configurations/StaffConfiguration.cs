using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialEnterprise.Contracts.Staff;
using SocialEnterprise.Domain.Staff;
using SocialEnterprise.Infrastructure.Staff;

namespace SocialEnterprise.Infrastructure.Persistence.Configurations;

internal sealed class StaffUserConfiguration : IEntityTypeConfiguration<StaffUser>
{
    public void Configure(EntityTypeBuilder<StaffUser> builder)
    {
        builder.ToTable("staff_users");
        builder.Property(user => user.DisplayName).HasMaxLength(StaffLimits.MaxDisplayNameLength);
        builder.HasMany(user => user.Departments).WithOne().HasForeignKey(membership => membership.StaffUserId);
        builder.Property(user => user.Availability).HasMaxLength(20);
    }
}

internal sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> builder)
    {
        builder.ToTable("departments");
        builder.HasKey(department => department.Id);
        builder.Property(department => department.Id).HasMaxLength(50);
        builder.Property(department => department.Name).HasMaxLength(100);
        builder.Property(department => department.AssignmentStrategy).HasMaxLength(20);
        builder.HasData(Department.Standard.Select(department => new Department(department.Id, department.Name, department.AssignmentStrategy)));
    }
}

internal sealed class DepartmentMembershipConfiguration : IEntityTypeConfiguration<DepartmentMembership>
{
    public void Configure(EntityTypeBuilder<DepartmentMembership> builder)
    {
        builder.ToTable("department_memberships");
        builder.HasKey(membership => new { membership.StaffUserId, membership.DepartmentId });
        builder.Property(membership => membership.DepartmentId).HasMaxLength(50);
        builder.HasOne<Department>().WithMany().HasForeignKey(membership => membership.DepartmentId);
    }
}

internal sealed class IdentityTableNames :
    IEntityTypeConfiguration<IdentityRole<Guid>>,
    IEntityTypeConfiguration<IdentityUserRole<Guid>>,
    IEntityTypeConfiguration<IdentityUserClaim<Guid>>,
    IEntityTypeConfiguration<IdentityUserLogin<Guid>>,
    IEntityTypeConfiguration<IdentityUserToken<Guid>>,
    IEntityTypeConfiguration<IdentityRoleClaim<Guid>>
{
    public void Configure(EntityTypeBuilder<IdentityRole<Guid>> builder) => builder.ToTable("staff_roles");

    public void Configure(EntityTypeBuilder<IdentityUserRole<Guid>> builder) => builder.ToTable("staff_user_roles");

    public void Configure(EntityTypeBuilder<IdentityUserClaim<Guid>> builder) => builder.ToTable("staff_user_claims");

    public void Configure(EntityTypeBuilder<IdentityUserLogin<Guid>> builder) => builder.ToTable("staff_user_logins");

    public void Configure(EntityTypeBuilder<IdentityUserToken<Guid>> builder) => builder.ToTable("staff_user_tokens");

    public void Configure(EntityTypeBuilder<IdentityRoleClaim<Guid>> builder) => builder.ToTable("staff_role_claims");
}
