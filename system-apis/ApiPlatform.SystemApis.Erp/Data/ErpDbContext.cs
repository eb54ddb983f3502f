using Microsoft.EntityFrameworkCore;

namespace ApiPlatform.SystemApis.Erp.Data;

public sealed class ErpDbContext(DbContextOptions<ErpDbContext> options) : DbContext(options)
{
    public DbSet<SalesOrderEntity> SalesOrders => Set<SalesOrderEntity>();

    protected override void OnModelCreating(ModelBuilder model) =>
        model.Entity<SalesOrderEntity>(order =>
        {
            order.HasKey(o => o.Id);
            order.HasIndex(o => o.Number).IsUnique();
            // One order per client and key: a retried create never makes a second document.
            order.HasIndex(o => new { o.CreatedBy, o.IdempotencyKey }).IsUnique();
            order.HasIndex(o => new { o.Tenant, o.CustomerAccountId });
            order.Property(o => o.Status).HasConversion<string>();
            order.OwnsMany(o => o.Lines, line =>
            {
                line.WithOwner().HasForeignKey("SalesOrderId");
                line.HasKey("SalesOrderId", nameof(SalesOrderLineEntity.LineNumber));
                line.Property(l => l.Quantity).HasPrecision(18, 4);
                line.Property(l => l.UnitPrice).HasPrecision(18, 4);
                line.Property(l => l.DiscountPercent).HasPrecision(9, 4);
            });
        });
}
