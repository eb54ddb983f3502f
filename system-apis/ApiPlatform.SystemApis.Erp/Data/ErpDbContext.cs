using ApiPlatform.Messaging;
using ApiPlatform.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;

namespace ApiPlatform.SystemApis.Erp.Data;

public sealed partial class ErpDbContext(DbContextOptions<ErpDbContext> options) : DbContext(options)
{
    public DbSet<SalesOrderEntity> SalesOrders => Set<SalesOrderEntity>();
    public DbSet<ShipmentEntity> Shipments => Set<ShipmentEntity>();
    public DbSet<CustomerEntity> Customers => Set<CustomerEntity>();
    public DbSet<ProductEntity> Products => Set<ProductEntity>();
    public DbSet<PriceListEntity> PriceLists => Set<PriceListEntity>();
    public DbSet<StockEntity> Stock => Set<StockEntity>();
    public DbSet<ReservationEntity> Reservations => Set<ReservationEntity>();
    public DbSet<SupplierEntity> Suppliers => Set<SupplierEntity>();
    public DbSet<PurchaseOrderEntity> PurchaseOrders => Set<PurchaseOrderEntity>();
    public DbSet<GoodsReceiptEntity> GoodsReceipts => Set<GoodsReceiptEntity>();

    protected override void ConfigureConventions(ModelConfigurationBuilder conventions) => conventions.DecimalsAreAmounts();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.AddMessagingTables();
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
                line.Property(l => l.Quantity).IsQuantity();
                line.Property(l => l.UnitPrice).IsUnitPrice();
                line.Property(l => l.DiscountPercent).IsPercentage();
            });
        });
        model.Entity<ShipmentEntity>(shipment =>
        {
            shipment.HasKey(s => s.Id);
            shipment.HasIndex(s => s.SalesOrderId);
            shipment.HasIndex(s => s.Number).IsUnique();
            shipment.OwnsMany(s => s.Lines, line =>
            {
                line.WithOwner().HasForeignKey("ShipmentId");
                line.HasKey("ShipmentId", nameof(ShipmentLineEntity.LineNumber));
                line.Property(l => l.Quantity).IsQuantity();
            });
        });
        OnMasterDataCreating(model);
        OnInventoryCreating(model);
        OnProcurementCreating(model);
    }
}
