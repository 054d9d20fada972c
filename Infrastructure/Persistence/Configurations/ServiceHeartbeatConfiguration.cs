using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialEnterprise.Domain.Operations;

namespace SocialEnterprise.Infrastructure.Persistence.Configurations;

internal sealed class ServiceHeartbeatConfiguration : IEntityTypeConfiguration<ServiceHeartbeat>
{
    public void Configure(EntityTypeBuilder<ServiceHeartbeat> builder)
    {
        builder.ToTable("service_heartbeats");
        builder.HasKey(heartbeat => new { heartbeat.Service, heartbeat.Instance });
        builder.Property(heartbeat => heartbeat.Service).HasMaxLength(50);
        builder.Property(heartbeat => heartbeat.Instance).HasMaxLength(200);
        builder.Property(heartbeat => heartbeat.Status).HasMaxLength(20);
    }
}
