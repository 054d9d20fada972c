using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialEnterprise.Contracts.Replies;
using SocialEnterprise.Contracts.Staff;
using SocialEnterprise.Domain.Conversations;
using SocialEnterprise.Domain.Replies;
using SocialEnterprise.Domain.ServiceLevels;

namespace SocialEnterprise.Infrastructure.Persistence.Configurations;

internal sealed class ReplyConfiguration : IEntityTypeConfiguration<Reply>
{
    public void Configure(EntityTypeBuilder<Reply> builder)
    {
        builder.ToTable("replies");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.ThreadVersion).HasDefaultValue(0);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Channel).HasMaxLength(20);
        builder.Property(r => r.Department).HasMaxLength(40);
        builder.Property(r => r.Kind).HasMaxLength(20);
        builder.Property(r => r.Visibility).HasMaxLength(20);
        builder.Property(r => r.Text).HasMaxLength(ReplyLimits.MaxTextLength);
        builder.Property(r => r.AuthorName).HasMaxLength(StaffLimits.MaxDisplayNameLength);
        builder.Property(r => r.State).HasMaxLength(20);
        builder.Property(r => r.ApprovalReason).HasMaxLength(ReplyLimits.MaxReasonLength);
        builder.Property(r => r.ReviewedByName).HasMaxLength(StaffLimits.MaxDisplayNameLength);
        builder.Property(r => r.RejectionReason).HasMaxLength(ReplyLimits.MaxReasonLength);
        builder.Property(r => r.LastError).HasMaxLength(Reply.MaxErrorLength);
        builder.Property(r => r.ExternalId).HasMaxLength(200);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Ignore(r => r.PendingEvents);
        builder.HasOne<Conversation>().WithMany().HasForeignKey(r => r.ConversationId).OnDelete(DeleteBehavior.Restrict);

        builder.HasIndex(r => new { r.ConversationId, r.CreatedAt });
        // The outbound queue: only what waits for an attempt is in it.
        builder.HasIndex(r => r.NextAttemptAt).HasFilter("next_attempt_at IS NOT NULL").HasDatabaseName("ix_replies_outbound_queue");
        // What waits for approval, per department.
        builder.HasIndex(r => new { r.Department, r.CreatedAt }).HasFilter("state = 'awaiting-approval'").HasDatabaseName("ix_replies_awaiting_approval");
        // Delivery receipts name the channel's id.
        builder.HasIndex(r => new { r.Channel, r.ExternalId }).HasFilter("external_id IS NOT NULL");
    }
}

internal sealed class CsatSurveyConfiguration : IEntityTypeConfiguration<CsatSurvey>
{
    public void Configure(EntityTypeBuilder<CsatSurvey> builder)
    {
        builder.ToTable("csat_surveys");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Channel).HasMaxLength(20);
        builder.Property(s => s.Department).HasMaxLength(40);
        builder.Property(s => s.Priority).HasMaxLength(20);
        builder.Property(s => s.Comment).HasMaxLength(CsatSurvey.MaxCommentLength);
        builder.Ignore(s => s.PendingEvents);
        builder.HasOne<Conversation>().WithMany().HasForeignKey(s => s.ConversationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Reply>().WithMany().HasForeignKey(s => s.ReplyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => s.ConversationId);
        builder.HasIndex(s => s.ReplyId).IsUnique();
        builder.HasIndex(s => s.SentAt);
    }
}

internal sealed class ServiceLevelClockConfiguration : IEntityTypeConfiguration<ServiceLevelClock>
{
    public void Configure(EntityTypeBuilder<ServiceLevelClock> builder)
    {
        builder.ToTable("service_level_clocks");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Metric).HasMaxLength(20);
        builder.Property(c => c.Department).HasMaxLength(40);
        builder.Property(c => c.Channel).HasMaxLength(20);
        builder.Property(c => c.Priority).HasMaxLength(20);
        builder.Property(c => c.Policy).HasMaxLength(40);
        builder.Property(c => c.Outcome).HasMaxLength(20);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasOne<Conversation>().WithMany().HasForeignKey(c => c.ConversationId).OnDelete(DeleteBehavior.Restrict);

        builder.HasIndex(c => new { c.ConversationId, c.Metric });
        builder.HasIndex(c => c.ConsultId).HasFilter("consult_id IS NOT NULL");
        // Reports read stopped clocks by when they started.
        builder.HasIndex(c => new { c.StartedAt, c.Metric });
        // The report's breaches over time: by when the breach fired, or (without that moment) when a breached clock stopped.
        builder.HasIndex(c => c.BreachedAt).HasDatabaseName("ix_service_level_clocks_breached_at_reported").HasFilter("breached_at IS NOT NULL");
        builder.HasIndex(c => c.StoppedAt).HasDatabaseName("ix_service_level_clocks_stopped_at_breached")
            .HasFilter("outcome = 'breached' AND breached_at IS NULL");
        // The clock scheduler loads the clocks with a moment still ahead of them.
        builder.HasIndex(c => c.DueAt).HasDatabaseName("ix_service_level_clocks_pending_moments")
            .HasFilter("stopped_at IS NULL AND breached_at IS NULL AND due_at IS NOT NULL");
    }
}
