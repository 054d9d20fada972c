using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialEnterprise.Contracts.Probes;
using SocialEnterprise.Domain.Probes;

namespace SocialEnterprise.Infrastructure.Persistence.Configurations;

internal sealed class PipelineProbeConfiguration : IEntityTypeConfiguration<PipelineProbe>
{
    public void Configure(EntityTypeBuilder<PipelineProbe> builder)
    {
        builder.ToTable("pipeline_probes");
        builder.HasKey(probe => probe.Id);
        builder.Property(probe => probe.Id).ValueGeneratedNever();
        builder.Property(probe => probe.RequestedBy).HasMaxLength(PipelineProbe.MaxRequestedByLength);
        builder.Property(probe => probe.Status).HasMaxLength(20);
        builder.Property(probe => probe.CompletedBy).HasMaxLength(200);
        builder.Ignore(probe => probe.PendingEvents);

        // The workers' queue: only what is still waiting, in arrival order.
        builder.HasIndex(probe => probe.RequestedAt)
            .HasDatabaseName("ix_pipeline_probes_waiting")
            .HasFilter($"status = '{PipelineProbeStatuses.Requested}'");
    }
}
