using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialEnterprise.Domain.Customers;
using SocialEnterprise.Domain.Listening;

namespace SocialEnterprise.Infrastructure.Persistence.Configurations;

internal sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> builder)
    {
        builder.ToTable("customers");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.DisplayName).HasMaxLength(IngestEventValidator.MaxDisplayNameLength);
        builder.Property(c => c.Email).HasMaxLength(IngestEventValidator.MaxEmailLength);
        builder.Property(c => c.Tier).HasMaxLength(20);
        builder.Ignore(c => c.PendingEvents);
        builder.HasIndex(c => c.MergedIntoId);
    }
}

internal sealed class CustomerIdentityConfiguration : IEntityTypeConfiguration<CustomerIdentity>
{
    public void Configure(EntityTypeBuilder<CustomerIdentity> builder)
    {
        builder.ToTable("customer_identities");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Channel).HasMaxLength(20);
        builder.Property(i => i.Handle).HasMaxLength(IngestEventValidator.MaxHandleLength);
        builder.Property(i => i.DisplayName).HasMaxLength(IngestEventValidator.MaxDisplayNameLength);
        builder.Property(i => i.Email).HasMaxLength(IngestEventValidator.MaxEmailLength);
        builder.Property(i => i.NameKey).HasMaxLength(IngestEventValidator.MaxDisplayNameLength);
        builder.Property(i => i.HandleKey).HasMaxLength(IngestEventValidator.MaxHandleLength);
        builder.Property(i => i.Evidence).HasMaxLength(20);
        builder.Property(i => i.EvidenceDetail).HasMaxLength(500);
        builder.Property(i => i.Consent).HasMaxLength(20);
        builder.Property(i => i.ConsentBasis).HasMaxLength(500);
        builder.HasOne<Customer>().WithMany().HasForeignKey(i => i.CustomerId).OnDelete(DeleteBehavior.Restrict);

        builder.HasIndex(i => new { i.Channel, i.Handle }).IsUnique();
        builder.HasIndex(i => i.CustomerId);
        builder.HasIndex(i => i.Email).HasFilter("email IS NOT NULL");
        builder.HasIndex(i => i.NameKey);
        builder.HasIndex(i => i.HandleKey);
    }
}

internal sealed class MergeSuggestionConfiguration : IEntityTypeConfiguration<MergeSuggestion>
{
    public void Configure(EntityTypeBuilder<MergeSuggestion> builder)
    {
        builder.ToTable("merge_suggestions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Reason).HasMaxLength(1000);
        builder.Property(s => s.Status).HasMaxLength(20);
        builder.Property(s => s.DecidedBy).HasMaxLength(256);
        builder.HasIndex(s => new { s.CustomerId, s.CandidateId }).IsUnique();
        builder.HasIndex(s => new { s.Status, s.CreatedAt });
        builder.HasIndex(s => s.CandidateId);
    }
}

internal sealed class CustomerMergeConfiguration : IEntityTypeConfiguration<CustomerMerge>
{
    public void Configure(EntityTypeBuilder<CustomerMerge> builder)
    {
        builder.ToTable("customer_merges");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.MergedBy).HasMaxLength(256);
        builder.Property(m => m.UndoneBy).HasMaxLength(256);
        builder.Property(m => m.MovedIdentityIds).Metadata.SetValueComparer(ListComparer.Of<Guid>());
        builder.Ignore(m => m.PendingEvents);
        builder.HasIndex(m => m.SourceId);
        builder.HasIndex(m => m.TargetId);
        builder.HasIndex(m => m.MergedAt);
    }
}
