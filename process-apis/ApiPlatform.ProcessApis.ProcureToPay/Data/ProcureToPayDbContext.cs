using ApiPlatform.Messaging;
using ApiPlatform.Workflows;
using Microsoft.EntityFrameworkCore;

namespace ApiPlatform.ProcessApis.ProcureToPay.Data;

/// <summary>
/// Requisitions are workflow instances (workflow tables); their events leave through the outbox (messaging tables).
/// Purchase order links find a requisition from an ERP event; exceptions mirror each requisition's open exception for lists.
/// </summary>
public sealed class ProcureToPayDbContext(DbContextOptions<ProcureToPayDbContext> options) : DbContext(options)
{
    public DbSet<PurchaseOrderLinkEntity> PurchaseOrderLinks => Set<PurchaseOrderLinkEntity>();

    public DbSet<ProcurementExceptionEntity> Exceptions => Set<ProcurementExceptionEntity>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.AddWorkflowTables();
        model.AddMessagingTables();
        model.Entity<PurchaseOrderLinkEntity>(link =>
        {
            link.ToTable("purchase_order_links");
            link.HasKey(l => l.PurchaseOrderId);
            link.Property(l => l.PurchaseOrderId).HasMaxLength(64);
            link.Property(l => l.RequisitionId).HasMaxLength(64);
        });
        model.Entity<ProcurementExceptionEntity>(exception =>
        {
            exception.ToTable("procurement_exceptions");
            exception.HasKey(e => e.Id);
            exception.Property(e => e.Id).HasMaxLength(64);
            exception.Property(e => e.Tenant).HasMaxLength(64);
            exception.Property(e => e.RequisitionId).HasMaxLength(64);
            exception.Property(e => e.SupplierId).HasMaxLength(64);
            exception.Property(e => e.PurchaseOrderId).HasMaxLength(64);
            exception.Property(e => e.InvoiceNumber).HasMaxLength(64);
            exception.Property(e => e.Status).HasConversion<string>().HasMaxLength(32);
            exception.Property(e => e.Reasons).HasMaxLength(100);
            exception.HasIndex(e => new { e.Tenant, e.Status, e.OpenedAt });
        });
    }
}

/// <summary>Which requisition a purchase order belongs to (goods receipts from ERP events name only the order).</summary>
public sealed class PurchaseOrderLinkEntity
{
    public required string PurchaseOrderId { get; init; }

    public required string RequisitionId { get; init; }
}

/// <summary>
/// A three-way-match exception as lists need it: written in the transaction of every change of its requisition's
/// workflow, so it never disagrees with the instance's state. <c>Reasons</c> is comma-delimited with a comma on both
/// ends (<c>,quantity,price,</c>) so a filter on one reason is a LIKE; lines and resolutions are JSON.
/// </summary>
public sealed class ProcurementExceptionEntity
{
    public required string Id { get; init; }

    public required string Tenant { get; init; }

    public required string RequisitionId { get; init; }

    public required string SupplierId { get; init; }

    public string? PurchaseOrderId { get; set; }

    public required string InvoiceNumber { get; set; }

    public Contracts.ProcureToPay.ExceptionStatus Status { get; set; }

    public required string Reasons { get; set; }

    public required string LinesJson { get; set; }

    public required string ResolutionsJson { get; set; }

    public long OpenedAt { get; init; }

    public long UpdatedAt { get; set; }

    public long? ResolvedAt { get; set; }
}
