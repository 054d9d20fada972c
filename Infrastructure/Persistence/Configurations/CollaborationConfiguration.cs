using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialEnterprise.Contracts.Staff;
using SocialEnterprise.Domain.Collaboration;
using SocialEnterprise.Domain.Conversations;
using SocialEnterprise.Infrastructure.Staff;

namespace SocialEnterprise.Infrastructure.Persistence.Configurations;

internal sealed class ConsultConfiguration : IEntityTypeConfiguration<Consult>
{
    public void Configure(EntityTypeBuilder<Consult> builder)
    {
        builder.ToTable("consults");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.RequesterDepartment).HasMaxLength(40);
        builder.Property(c => c.TargetDepartment).HasMaxLength(40);
        builder.Property(c => c.RequestedByName).HasMaxLength(StaffLimits.MaxDisplayNameLength);
        builder.Property(c => c.Question).HasMaxLength(Consult.MaxQuestionLength);
        builder.Property(c => c.Priority).HasMaxLength(20);
        builder.Property(c => c.State).HasMaxLength(20);
        builder.Property(c => c.AcceptedByName).HasMaxLength(StaffLimits.MaxDisplayNameLength);
        builder.Property(c => c.AnsweredByName).HasMaxLength(StaffLimits.MaxDisplayNameLength);
        builder.Property(c => c.Answer).HasMaxLength(Consult.MaxAnswerLength);
        builder.Property(c => c.DeclinedByName).HasMaxLength(StaffLimits.MaxDisplayNameLength);
        builder.Property(c => c.DeclineReason).HasMaxLength(Consult.MaxReasonLength);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Ignore(c => c.PendingEvents);
        builder.HasOne<Conversation>().WithMany().HasForeignKey(c => c.ConversationId).OnDelete(DeleteBehavior.Restrict);

        // A conversation's consults; what waits on a department, due soonest first; the visibility rule's
        // "consulted departments" arm reads (target_department, conversation_id) from the index alone.
        builder.HasIndex(c => new { c.ConversationId, c.RequestedAt });
        builder.HasIndex(c => new { c.TargetDepartment, c.State, c.DueAt });
        builder.HasIndex(c => new { c.TargetDepartment, c.ConversationId });
        builder.HasIndex(c => c.AnsweredById);
    }
}

internal sealed class StaffNotificationConfiguration : IEntityTypeConfiguration<StaffNotification>
{
    public void Configure(EntityTypeBuilder<StaffNotification> builder)
    {
        builder.ToTable("staff_notifications");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.Kind).HasMaxLength(30);
        builder.Property(n => n.Text).HasMaxLength(StaffNotification.MaxTextLength);
        builder.Property(n => n.Link).HasMaxLength(StaffNotification.MaxLinkLength);
        builder.Ignore(n => n.PendingEvents);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(n => n.RecipientId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(n => new { n.RecipientId, n.CreatedAt });
        builder.HasIndex(n => n.RecipientId).HasFilter("read_at IS NULL").HasDatabaseName("ix_staff_notifications_unread");
    }
}
