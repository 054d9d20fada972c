using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialEnterprise.Contracts.Access;
using SocialEnterprise.Domain.Access;
using SocialEnterprise.Domain.Audit;

namespace SocialEnterprise.Infrastructure.Persistence.Configurations;

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.ToTable("api_keys");
        builder.HasKey(key => key.Id);
        builder.Property(key => key.Id).ValueGeneratedNever();
        builder.Property(key => key.Name).HasMaxLength(ApiKeyLimits.MaxNameLength);
        builder.Property(key => key.Hash).HasMaxLength(64);
        builder.Property(key => key.Hint).HasMaxLength(10);
        builder.Property(key => key.CreatedBy).HasMaxLength(256);
        builder.Property(key => key.RevokedBy).HasMaxLength(256);
        builder.HasIndex(key => key.Hash).IsUnique();
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("audit_log");
        builder.HasKey(entry => entry.Id);
        builder.Property(entry => entry.Id).UseIdentityByDefaultColumn();
        builder.Property(entry => entry.Actor).HasMaxLength(256);
        builder.Property(entry => entry.ActorKind).HasMaxLength(20);
        builder.Property(entry => entry.Action).HasMaxLength(100);
        builder.Property(entry => entry.Target).HasMaxLength(256);
        builder.Property(entry => entry.Detail).HasMaxLength(2000);
        builder.Property(entry => entry.Address).HasMaxLength(64);
        builder.HasIndex(entry => entry.OccurredAt);
        builder.HasIndex(entry => new { entry.Action, entry.OccurredAt });
        builder.HasIndex(entry => new { entry.Actor, entry.OccurredAt });
    }
}
