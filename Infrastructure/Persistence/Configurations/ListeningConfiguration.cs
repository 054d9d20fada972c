using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialEnterprise.Contracts.Events;
using SocialEnterprise.Contracts.Filtering;
using SocialEnterprise.Contracts.Listening;
using SocialEnterprise.Domain.Classification;
using SocialEnterprise.Domain.Filtering;
using SocialEnterprise.Domain.Listening;

namespace SocialEnterprise.Infrastructure.Persistence.Configurations;

internal sealed class IngestEventConfiguration : IEntityTypeConfiguration<IngestEvent>
{
    public void Configure(EntityTypeBuilder<IngestEvent> builder)
    {
        builder.ToTable("ingest_events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Channel).HasMaxLength(20);
        builder.Property(e => e.ExternalId).HasMaxLength(IngestEventValidator.MaxIdLength);
        builder.Property(e => e.Kind).HasMaxLength(20);
        builder.Property(e => e.Payload).HasColumnType("jsonb");
        builder.Property(e => e.Status).HasMaxLength(20);
        builder.Property(e => e.LastError).HasMaxLength(2000);
        builder.Property(e => e.FilterReason).HasMaxLength(500);
        builder.Property(e => e.TraceParent).HasMaxLength(TraceContext.TraceParentLength);
        builder.Ignore(e => e.PendingEvents);

        // Idempotency: one event per channel id, however often the channel posts it.
        builder.HasIndex(e => new { e.Channel, e.ExternalId }).IsUnique();
        // The workers' queue: only what still waits, by when it may next be tried.
        builder.HasIndex(e => new { e.NextAttemptAt, e.ReceivedAt })
            .HasDatabaseName("ix_ingest_events_waiting")
            .HasFilter($"status = '{IngestEventStatuses.Pending}'");
        builder.HasIndex(e => new { e.Status, e.ReceivedAt });
    }
}

internal sealed class NoiseRuleConfiguration : IEntityTypeConfiguration<NoiseRule>
{
    public void Configure(EntityTypeBuilder<NoiseRule> builder)
    {
        builder.ToTable("noise_rules");
        builder.HasKey(rule => rule.Id);
        builder.Property(rule => rule.Id).ValueGeneratedNever();
        builder.Property(rule => rule.Kind).HasMaxLength(40);
        builder.Property(rule => rule.Pattern).HasMaxLength(NoiseRuleLimits.MaxPatternLength);
        builder.Property(rule => rule.Description).HasMaxLength(500);
        builder.Property(rule => rule.UpdatedBy).HasMaxLength(256);
        var seededAt = new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero);
        builder.HasData(DefaultNoiseRules.Create(seededAt).Select(rule => new
        {
            rule.Id,
            rule.Kind,
            rule.Pattern,
            rule.Description,
            rule.Enabled,
            rule.UpdatedAt,
            rule.UpdatedBy,
        }));
    }
}

internal sealed class CatalogueTopicConfiguration : IEntityTypeConfiguration<CatalogueTopic>
{
    public void Configure(EntityTypeBuilder<CatalogueTopic> builder)
    {
        builder.ToTable("topics");
        builder.HasKey(topic => topic.Key);
        builder.Property(topic => topic.Key).HasMaxLength(40);
        builder.Property(topic => topic.Name).HasMaxLength(80);
        builder.Property(topic => topic.Department).HasMaxLength(40);
        builder.Property(topic => topic.UpdatedBy).HasMaxLength(256);
        var seededAt = new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero);
        builder.HasData(TopicCatalogue.Default.Topics.Select((topic, position) => new
        {
            topic.Key,
            topic.Name,
            topic.Department,
            Keywords = topic.Keywords.ToArray(),
            BroadKeywords = (topic.BroadKeywords ?? []).ToArray(),
            Position = position,
            UpdatedAt = seededAt,
            UpdatedBy = "system",
        }));
    }
}
