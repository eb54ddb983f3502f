using ApiPlatform.Messaging.DeadLetters;
using ApiPlatform.Messaging.Inbox;
using ApiPlatform.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;

namespace ApiPlatform.Messaging;

public static class ModelBuilderExtensions
{
    /// <summary>
    /// Adds the outbox, inbox and dead-letter tables to the service's own model (same model on SQLite and PostgreSQL).
    /// Call it from <c>OnModelCreating</c> of the context passed to <c>AddMessaging</c>.
    /// </summary>
    public static ModelBuilder AddMessagingTables(this ModelBuilder model)
    {
        model.Entity<OutboxMessage>(outbox =>
        {
            outbox.ToTable("messaging_outbox");
            outbox.HasKey(o => o.Sequence);
            outbox.Property(o => o.Sequence).ValueGeneratedOnAdd();
            outbox.HasIndex(o => o.EventId).IsUnique();
            outbox.HasIndex(o => new { o.Status, o.Sequence });
            outbox.HasIndex(o => new { o.Subject, o.Status });
            outbox.Property(o => o.EventId).HasMaxLength(64);
            outbox.Property(o => o.Type).HasMaxLength(200);
            outbox.Property(o => o.Topic).HasMaxLength(100);
            outbox.Property(o => o.Subject).HasMaxLength(200);
            outbox.Property(o => o.LockedBy).HasMaxLength(100);
        });
        model.Entity<InboxMessage>(inbox =>
        {
            inbox.ToTable("messaging_inbox");
            inbox.HasKey(i => new { i.EventId, i.Group });
            inbox.Property(i => i.EventId).HasMaxLength(64);
            inbox.Property(i => i.Group).HasMaxLength(100);
            inbox.Property(i => i.Type).HasMaxLength(200);
            inbox.HasIndex(i => i.ProcessedAt);
        });
        model.Entity<DeadLetter>(dead =>
        {
            dead.ToTable("messaging_dead_letters");
            dead.HasKey(d => d.Id);
            dead.HasIndex(d => new { d.EventId, d.Group }).IsUnique();
            dead.HasIndex(d => new { d.Status, d.Group, d.Type });
            dead.Property(d => d.EventId).HasMaxLength(64);
            dead.Property(d => d.Group).HasMaxLength(100);
            dead.Property(d => d.Type).HasMaxLength(200);
            dead.Property(d => d.Subject).HasMaxLength(200);
            dead.Property(d => d.Tenant).HasMaxLength(100);
            dead.Property(d => d.DiscardReason).HasMaxLength(1000);
        });
        return model;
    }
}
