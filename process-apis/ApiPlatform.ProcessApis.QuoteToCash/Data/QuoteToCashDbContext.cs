using ApiPlatform.Messaging;
using ApiPlatform.Workflows;
using Microsoft.EntityFrameworkCore;

namespace ApiPlatform.ProcessApis.QuoteToCash.Data;

/// <summary>Order requests are workflow instances (workflow tables); their events leave through the outbox (messaging tables).</summary>
public sealed class QuoteToCashDbContext(DbContextOptions<QuoteToCashDbContext> options) : DbContext(options)
{
    public DbSet<OrderLinkEntity> OrderLinks => Set<OrderLinkEntity>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.AddWorkflowTables();
        model.AddMessagingTables();
        model.Entity<OrderLinkEntity>(link =>
        {
            link.ToTable("order_links");
            link.HasKey(l => new { l.Kind, l.DocumentId });
            link.Property(l => l.Kind).HasConversion<string>().HasMaxLength(16);
            link.Property(l => l.DocumentId).HasMaxLength(64);
            link.Property(l => l.OrderRequestId).HasMaxLength(64);
        });
    }
}
