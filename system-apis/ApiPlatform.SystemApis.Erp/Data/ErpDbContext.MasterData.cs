using ApiPlatform.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;

namespace ApiPlatform.SystemApis.Erp.Data;

public sealed partial class ErpDbContext
{
    private static void OnMasterDataCreating(ModelBuilder model)
    {
        model.Entity<CustomerEntity>(customer =>
        {
            customer.HasKey(c => c.Id);
            customer.HasIndex(c => c.Number).IsUnique();
            // The master-data sync key: one customer per CRM account.
            customer.HasIndex(c => new { c.Tenant, c.CrmAccountId }).IsUnique();
        });
        model.Entity<ProductEntity>().HasKey(p => p.Sku);
        model.Entity<PriceListEntity>(list =>
        {
            list.HasKey(l => l.Id);
            list.OwnsMany(l => l.Prices, price =>
            {
                price.WithOwner().HasForeignKey("PriceListId");
                price.HasKey("PriceListId", nameof(PriceEntity.Sku), nameof(PriceEntity.MinQuantity));
                price.Property(p => p.MinQuantity).IsQuantity();
                price.Property(p => p.UnitPrice).IsUnitPrice();
            });
        });
        model.Entity<SupplierEntity>(supplier =>
        {
            supplier.HasKey(s => s.Id);
            supplier.HasIndex(s => s.Number).IsUnique();
        });
    }

    private static void OnInventoryCreating(ModelBuilder model)
    {
        model.Entity<StockEntity>(stock =>
        {
            stock.HasKey(s => new { s.Sku, s.Warehouse });
            stock.Property(s => s.OnHand).IsQuantity().IsConcurrencyToken();
            stock.Property(s => s.Reserved).IsQuantity().IsConcurrencyToken();
            stock.Ignore(s => s.Available);
            // Cast: SQLite keeps decimals as text, which would compare as strings.
            stock.ToTable(t => t.HasCheckConstraint("CK_Stock_NeverNegative",
                "CAST(\"Reserved\" AS DOUBLE PRECISION) >= 0 AND CAST(\"Reserved\" AS DOUBLE PRECISION) <= CAST(\"OnHand\" AS DOUBLE PRECISION)"));
        });
        model.Entity<ReservationEntity>(reservation =>
        {
            reservation.HasKey(r => r.Id);
            reservation.HasIndex(r => new { r.Sku, r.Status });
            reservation.HasIndex(r => r.SalesOrderId);
            // One reservation per tenant and key: a retried reserve never holds the stock twice.
            reservation.HasIndex(r => new { r.Tenant, r.IdempotencyKey }).IsUnique();
            reservation.Property(r => r.IdempotencyKey).HasMaxLength(128);
            reservation.Property(r => r.RequestHash).HasMaxLength(64);
            reservation.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
            reservation.Property(r => r.Quantity).IsQuantity();
        });
    }

    private static void OnProcurementCreating(ModelBuilder model)
    {
        model.Entity<PurchaseOrderEntity>(order =>
        {
            order.HasKey(o => o.Id);
            order.HasIndex(o => o.Number).IsUnique();
            order.HasIndex(o => new { o.CreatedBy, o.IdempotencyKey }).IsUnique();
            order.Property(o => o.Status).HasConversion<string>().HasMaxLength(24);
            order.OwnsMany(o => o.Lines, line =>
            {
                line.WithOwner().HasForeignKey("PurchaseOrderId");
                line.HasKey("PurchaseOrderId", nameof(PurchaseOrderLineEntity.LineNumber));
                line.Property(l => l.Quantity).IsQuantity();
                line.Property(l => l.ReceivedQuantity).IsQuantity();
                line.Property(l => l.UnitPrice).IsUnitPrice();
            });
        });
        model.Entity<GoodsReceiptEntity>(receipt =>
        {
            receipt.HasKey(r => r.Id);
            receipt.HasIndex(r => r.PurchaseOrderId);
            receipt.HasIndex(r => r.Number).IsUnique();
            // One receipt per client and key: a retried booking never adds the goods twice.
            receipt.HasIndex(r => new { r.CreatedBy, r.IdempotencyKey }).IsUnique();
            receipt.Property(r => r.IdempotencyKey).HasMaxLength(128);
            receipt.OwnsMany(r => r.Lines, line =>
            {
                line.WithOwner().HasForeignKey("GoodsReceiptId");
                line.HasKey("GoodsReceiptId", nameof(GoodsReceiptLineEntity.PurchaseOrderLineNumber));
                line.Property(l => l.Quantity).IsQuantity();
            });
        });
    }
}
