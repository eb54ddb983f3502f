using ApiPlatform.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;

namespace ApiPlatform.SystemApis.Finance.Data;

public sealed partial class FinanceDbContext
{
    private static void OnLedgerCreating(ModelBuilder model)
    {
        model.Entity<LedgerAccountEntity>().HasKey(a => a.Code);
        model.Entity<JournalEntryEntity>(entry =>
        {
            entry.HasKey(e => e.Id);
            entry.HasIndex(e => e.Number).IsUnique();
            entry.HasIndex(e => new { e.Tenant, e.PostingDate });
            // An event of another system is posted once, whatever replays it.
            entry.HasIndex(e => new { e.Tenant, e.OriginSystem, e.OriginId }).IsUnique();
            entry.OwnsMany(e => e.Lines, line =>
            {
                line.WithOwner().HasForeignKey("JournalEntryId");
                line.HasKey("JournalEntryId", nameof(JournalLineEntity.LineNumber));
            });
        });
        model.Entity<SupplierInvoiceEntity>(invoice =>
        {
            invoice.HasKey(i => i.Id);
            // A supplier's invoice number is recorded once: a second copy of the same invoice is not paid twice.
            invoice.HasIndex(i => new { i.Tenant, i.SupplierId, i.SupplierInvoiceNumber }).IsUnique();
            invoice.Property(i => i.Status).HasConversion<string>().HasMaxLength(16);
            invoice.Ignore(i => i.Total);
        });
        model.Entity<SupplierPaymentEntity>(payment =>
        {
            payment.HasKey(p => p.Id);
            payment.HasIndex(p => p.SupplierInvoiceId);
            payment.HasIndex(p => new { p.Tenant, p.Reference }).IsUnique();
        });
    }

    private static void OnBillingCreating(ModelBuilder model)
    {
        model.Entity<BillingCustomerEntity>(customer =>
        {
            customer.HasKey(c => c.Id);
            customer.HasIndex(c => new { c.Tenant, c.CreationKey }).IsUnique();
        });
        model.Entity<SubscriptionEntity>(subscription =>
        {
            subscription.HasKey(s => s.Id);
            subscription.HasIndex(s => new { s.Tenant, s.CustomerId });
            subscription.HasIndex(s => new { s.Tenant, s.CreationKey }).IsUnique();
            subscription.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
            subscription.Property(s => s.Quantity).IsQuantity();
        });
        model.Entity<BillingEventEntity>(billingEvent =>
        {
            billingEvent.HasKey(e => e.Id);
            billingEvent.HasIndex(e => new { e.Tenant, e.SourceSystem, e.SourceId }).IsUnique();
            billingEvent.Property(e => e.Type).HasConversion<string>().HasMaxLength(32);
        });
    }
}
