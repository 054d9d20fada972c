using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace SocialEnterprise.Web.Access;

/// <summary>
/// The workspace's own small view of the CRM database: what staff sign-in needs (accounts and roles, their departments,
/// the sign-in audit trail) and the data-protection keys of its cookies. The Api owns these tables and migrates them;
/// this context never creates or changes the schema, and everything else the workspace does goes through the Api.
/// </summary>
public sealed class WorkspaceIdentityDbContext(DbContextOptions<WorkspaceIdentityDbContext> options)
    : IdentityDbContext<StaffAccount, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<StaffAccountDepartment> Departments => Set<StaffAccountDepartment>();

    public DbSet<SignInAuditRecord> AuditLog => Set<SignInAuditRecord>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<StaffAccount>(account =>
        {
            account.ToTable("staff_users");
            account.Property(a => a.DisplayName).HasMaxLength(100);
        });
        builder.Entity<IdentityRole<Guid>>().ToTable("staff_roles");
        builder.Entity<IdentityUserRole<Guid>>().ToTable("staff_user_roles");
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("staff_user_claims");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("staff_user_logins");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("staff_user_tokens");
        builder.Entity<IdentityRoleClaim<Guid>>().ToTable("staff_role_claims");
        builder.Entity<StaffAccountDepartment>(membership =>
        {
            membership.ToTable("department_memberships");
            membership.HasKey(m => new { m.StaffUserId, m.DepartmentId });
            membership.Property(m => m.DepartmentId).HasMaxLength(50);
        });
        builder.Entity<SignInAuditRecord>(entry =>
        {
            entry.ToTable("audit_log");
            entry.Property(e => e.Id).UseIdentityByDefaultColumn();
            entry.Property(e => e.Actor).HasMaxLength(256);
            entry.Property(e => e.ActorKind).HasMaxLength(20);
            entry.Property(e => e.Action).HasMaxLength(100);
            entry.Property(e => e.Address).HasMaxLength(64);
        });
    }
}
