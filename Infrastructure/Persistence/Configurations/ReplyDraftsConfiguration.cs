using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialEnterprise.Contracts.Replies;
using SocialEnterprise.Contracts.Staff;
using SocialEnterprise.Domain.Conversations;
using SocialEnterprise.Domain.Replies;

namespace SocialEnterprise.Infrastructure.Persistence.Configurations;

internal sealed class ReplyDraftConfiguration : IEntityTypeConfiguration<ReplyDraft>
{
    public void Configure(EntityTypeBuilder<ReplyDraft> builder)
    {
        builder.ToTable("reply_drafts");
        builder.HasKey(d => d.ConversationId);
        builder.Property(d => d.ConversationId).ValueGeneratedNever();
        builder.Property(d => d.Department).HasMaxLength(40);
        builder.Property(d => d.Text).HasMaxLength(ReplyLimits.MaxTextLength);
        builder.Property(d => d.Visibility).HasMaxLength(20);
        builder.Property(d => d.UpdatedByName).HasMaxLength(StaffLimits.MaxDisplayNameLength);
        builder.Property(d => d.ReturnedBecause).HasMaxLength(ReplyDraft.MaxNoteLength);
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.Ignore(d => d.PendingEvents);
        builder.Ignore(d => d.IsEmpty);
        builder.HasOne<Conversation>().WithOne().HasForeignKey<ReplyDraft>(d => d.ConversationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CannedResponseConfiguration : IEntityTypeConfiguration<CannedResponse>
{
    public void Configure(EntityTypeBuilder<CannedResponse> builder)
    {
        builder.ToTable("canned_responses");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Name).HasMaxLength(ReplyLimits.MaxCannedNameLength);
        builder.Property(c => c.Text).HasMaxLength(ReplyLimits.MaxTextLength);
        builder.Property(c => c.Department).HasMaxLength(40);
        builder.Property(c => c.Shortcut).HasMaxLength(ReplyLimits.MaxCannedShortcutLength);
        builder.Property(c => c.UpdatedBy).HasMaxLength(200);
        builder.HasIndex(c => c.Shortcut).IsUnique();
        builder.HasIndex(c => c.Department);
    }
}
