using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialEnterprise.Contracts.Events;
using SocialEnterprise.Infrastructure.Events;

namespace SocialEnterprise.Infrastructure.Persistence.Configurations;

internal sealed class EventLogEntryConfiguration : IEntityTypeConfiguration<EventLogEntry>
{
    public void Configure(EntityTypeBuilder<EventLogEntry> builder)
    {
        builder.ToTable("event_log");
        builder.HasKey(entry => entry.Sequence);
        builder.Property(entry => entry.Sequence).UseIdentityByDefaultColumn();
        builder.Property(entry => entry.Type).HasMaxLength(100);
        builder.Property(entry => entry.StreamId).HasMaxLength(200);
        builder.Property(entry => entry.Payload).HasColumnType("jsonb");
        builder.Property(entry => entry.TraceParent).HasMaxLength(TraceContext.TraceParentLength);
        builder.HasIndex(entry => entry.StreamId);
    }
}
