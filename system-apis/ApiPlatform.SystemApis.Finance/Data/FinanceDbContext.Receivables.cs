using ApiPlatform.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;

namespace ApiPlatform.SystemApis.Finance.Data;

public sealed partial class FinanceDbContext
{
    private static void OnReceivablesCreating(ModelBuilder model)
    {
        model.Entity<InvoiceEntity>(invoice =>
        {
            invoice.HasKey(i => i.Id);
            invoice.HasIndex(i => i.Number).IsUnique();
            invoice.HasIndex(i => new { i.CreatedBy, i.IdempotencyKey }).IsUnique();
            invoice.HasIndex(i => new { i.Tenant, i.AccountId });
            invoice.HasIndex(i => new { i.Tenant, i.SalesOrderId });
            invoice.Property(i => i.Status).HasConversion<string>().HasMaxLength(16);
            invoice.Ignore(i => i.Total);
            invoice.Ignore(i => i.AmountDue);
            invoice.OwnsMany(i => i.Lines, line =>
            {
                line.WithOwner().HasForeignKey("InvoiceId");
                line.HasKey("InvoiceId", nameof(InvoiceLineEntity.LineNumber));
                line.Property(l => l.Quantity).IsQuantity();
                line.Property(l => l.UnitPrice).IsUnitPrice();
                line.Property(l => l.DiscountPercent).IsPercentage();
                line.Property(l => l.TaxRate).IsRate();
            });
        });
        model.Entity<CreditNoteEntity>(note =>
        {
            note.HasKey(n => n.Id);
            note.HasIndex(n => n.InvoiceId);
        });
        model.Entity<PaymentEntity>(payment =>
        {
            payment.HasKey(p => p.Id);
            payment.HasIndex(p => new { p.Tenant, p.AccountId });
            payment.HasIndex(p => new { p.Tenant, p.Reference }).IsUnique();
            payment.Ignore(p => p.Unapplied);
            payment.OwnsMany(p => p.Applications, application =>
            {
                application.WithOwner().HasForeignKey("PaymentId");
                // A generated key: applications are added to a payment that already exists.
                application.Property<Guid>("Id").ValueGeneratedOnAdd();
                application.HasKey("Id");
            });
        });
    }
}
