using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cooperation.Web.Data.Configurations;

public class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.Property(x => x.RecipientId).HasMaxLength(450);
        b.Property(x => x.MessageKey).HasMaxLength(Notification.MaxKey);
        b.Property(x => x.Link).HasMaxLength(Notification.MaxLink);
        b.Property(x => x.OnceKey).HasMaxLength(Notification.MaxKey);
        // A notification is its recipient's alone: it goes with his account.
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.RecipientId).OnDelete(DeleteBehavior.Cascade);
        // The header's unread count and the list (unread first) read this index only.
        b.HasIndex(x => new { x.RecipientId, x.ReadAt, x.CreatedAt });
        b.HasIndex(x => new { x.RecipientId, x.OnceKey }).IsUnique();
    }
}

public class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.Property(x => x.To).HasMaxLength(OutboxMessage.MaxAddress);
        b.Property(x => x.Subject).HasMaxLength(OutboxMessage.MaxSubject);
        b.Property(x => x.AttachmentName).HasMaxLength(200);
        b.Property(x => x.AttachmentType).HasMaxLength(100);
        b.Property(x => x.LastError).HasMaxLength(OutboxMessage.MaxError);
        b.Property(x => x.LockedBy).HasMaxLength(64);
        // The sender's claim reads the pending messages due, oldest first.
        b.HasIndex(x => new { x.SentAt, x.NextAttemptAt });
    }
}
