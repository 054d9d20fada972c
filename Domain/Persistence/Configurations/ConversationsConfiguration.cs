using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialEnterprise.Domain.Conversations;
using SocialEnterprise.Domain.Customers;
using SocialEnterprise.Domain.Listening;
using SocialEnterprise.Domain.Staff;

namespace SocialEnterprise.Domain.Persistence.Configurations;

internal sealed class ConversationConfiguration : IEntityTypeConfiguration<Conversation>
{
    public void Configure(EntityTypeBuilder<Conversation> builder)
    {
        builder.ToTable("conversations");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Channel).HasMaxLength(20);
        builder.Property(c => c.Status).HasMaxLength(20);
        builder.Property(c => c.Type).HasMaxLength(20);
        builder.Property(c => c.Sentiment).HasMaxLength(20);
        builder.Property(c => c.Topic).HasMaxLength(40);
        builder.Property(c => c.Language).HasMaxLength(10);
        builder.Property(c => c.Urgency).HasMaxLength(20);
        builder.Property(c => c.Priority).HasMaxLength(20);
        builder.Property(c => c.Department).HasMaxLength(40);
        builder.Property(c => c.RoutingReason).HasMaxLength(Conversation.MaxRoutingReasonLength);
        builder.Property(c => c.SlaPolicy).HasMaxLength(40);
        // Conversations opened before the routing rules have no tags and matched no rule.
        builder.Property(c => c.Tags).HasDefaultValueSql("'{}'");
        builder.Property(c => c.RoutingRuleIds).HasDefaultValueSql("'{}'");
        builder.Property(c => c.Preview).HasMaxLength(Conversation.PreviewLength);
        builder.Property(c => c.SearchText).HasMaxLength(Conversation.SearchTextLength);

        // 'simple': no language's stemming, because customers write in many languages. One vector per conversation
        // (not per message), so that search and the other filters are answered from one table and its indexes.
        // fastupdate off: every change updates the index itself, instead of now and then one write paying for
        // merging a pending list of thousands (a latency spike of hundreds of milliseconds in the intake).
        builder.HasGeneratedTsVectorColumn(c => c.SearchVector, "simple", c => new { c.SearchText })
            .HasIndex(c => c.SearchVector)
            .HasMethod("GIN")
            .HasStorageParameter("fastupdate", false);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Ignore(c => c.PendingEvents);
        builder.HasOne<Customer>().WithMany().HasForeignKey(c => c.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CustomerIdentity>().WithMany().HasForeignKey(c => c.IdentityId).OnDelete(DeleteBehavior.Restrict);

        builder.HasOne<StaffUser>().WithMany().HasForeignKey(c => c.AssigneeId).OnDelete(DeleteBehavior.SetNull);

        // The inbox's common orders and filters: newest activity overall, per status, per department and status, per
        // assignee; the response clock for the at-risk and breached views (only conversations with a running clock).
        builder.HasIndex(c => new { c.LastActivityAt, c.Id });
        builder.HasIndex(c => new { c.Status, c.LastActivityAt });
        builder.HasIndex(c => new { c.Department, c.Status, c.LastActivityAt });
        builder.HasIndex(c => new { c.AssigneeId, c.Status, c.LastActivityAt });
        builder.HasIndex(c => new { c.Priority, c.Status, c.LastActivityAt });
        builder.HasIndex(c => new { c.Channel, c.Type, c.LastActivityAt });
        builder.HasIndex(c => new { c.ResponseDueAt, c.Id }).HasFilter("response_due_at IS NOT NULL");
        builder.HasIndex(c => c.ResponseWarnAt).IncludeProperties(c => c.ResponseDueAt).HasFilter("response_due_at IS NOT NULL");
        builder.HasIndex(c => c.CustomerId);
        builder.HasIndex(c => c.IdentityId);
        // Each department's queue: only waiting conversations are in it.
        builder.HasIndex(c => new { c.Department, c.QueuedAt }).HasFilter("queued_at IS NOT NULL AND assignee_id IS NULL");
        // The operations report counts conversations opened per day.
        builder.HasIndex(c => c.OpenedAt);
    }
}

internal sealed class MessageConfiguration : IEntityTypeConfiguration<Message>
{
    public void Configure(EntityTypeBuilder<Message> builder)
    {
        builder.ToTable("messages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Channel).HasMaxLength(20);
        builder.Property(m => m.ExternalId).HasMaxLength(IngestEventValidator.MaxIdLength);
        builder.Property(m => m.Kind).HasMaxLength(20);
        builder.Property(m => m.Direction).HasMaxLength(20);
        builder.Property(m => m.AuthorName).HasMaxLength(IngestEventValidator.MaxDisplayNameLength);
        builder.Property(m => m.Url).HasMaxLength(IngestEventValidator.MaxUrlLength);
        builder.Property(m => m.Classification).HasColumnType("jsonb");
        builder.HasOne<Conversation>().WithMany().HasForeignKey(m => m.ConversationId).OnDelete(DeleteBehavior.Restrict);

        builder.HasIndex(m => new { m.Channel, m.ExternalId }).IsUnique();
        builder.HasIndex(m => new { m.ConversationId, m.OccurredAt });
    }
}

internal sealed class ConversationThreadConfiguration : IEntityTypeConfiguration<ConversationThread>
{
    public void Configure(EntityTypeBuilder<ConversationThread> builder)
    {
        builder.ToTable("conversation_threads");
        builder.HasKey(t => new { t.Channel, t.ThreadKey });
        builder.Property(t => t.Channel).HasMaxLength(20);
        builder.Property(t => t.ThreadKey).HasMaxLength(IngestEventValidator.MaxIdLength + 10);
        builder.HasIndex(t => t.ConversationId);
    }
}

internal sealed class ConversationParticipantConfiguration : IEntityTypeConfiguration<ConversationParticipant>
{
    public void Configure(EntityTypeBuilder<ConversationParticipant> builder)
    {
        builder.ToTable("conversation_participants");
        builder.HasKey(p => new { p.ConversationId, p.StaffId, p.Reason });
        builder.Property(p => p.Reason).HasMaxLength(20);
        builder.HasIndex(p => p.StaffId);
    }
}

internal sealed class ConversationNoteConfiguration : IEntityTypeConfiguration<ConversationNote>
{
    public void Configure(EntityTypeBuilder<ConversationNote> builder)
    {
        builder.ToTable("conversation_notes");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.AuthorName).HasMaxLength(StaffUser.MaxDisplayNameLength);
        builder.Property(n => n.AuthorDepartment).HasMaxLength(40);
        builder.Property(n => n.Text).HasMaxLength(ConversationNote.MaxTextLength);
        builder.Ignore(n => n.PendingEvents);
        builder.HasOne<Conversation>().WithMany().HasForeignKey(n => n.ConversationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(n => new { n.ConversationId, n.WrittenAt });
    }
}

internal sealed class ConversationEngagementConfiguration : IEntityTypeConfiguration<ConversationEngagement>
{
    public void Configure(EntityTypeBuilder<ConversationEngagement> builder)
    {
        builder.ToTable("conversation_engagements");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).UseIdentityAlwaysColumn();
        builder.Property(e => e.StaffName).HasMaxLength(StaffUser.MaxDisplayNameLength);
        builder.Property(e => e.Department).HasMaxLength(40);
        builder.Property(e => e.Kind).HasMaxLength(20);
        builder.Property(e => e.Detail).HasMaxLength(200);
        builder.HasOne<Conversation>().WithMany().HasForeignKey(e => e.ConversationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.ConversationId, e.At });
    }
}

internal sealed class SavedInboxViewConfiguration : IEntityTypeConfiguration<SavedInboxView>
{
    public void Configure(EntityTypeBuilder<SavedInboxView> builder)
    {
        builder.ToTable("saved_inbox_views");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.Property(v => v.Name).HasMaxLength(SavedInboxView.MaxNameLength);
        builder.Property(v => v.Query).HasMaxLength(1000);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(v => v.StaffId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(v => new { v.StaffId, v.Name }).IsUnique();
    }
}
