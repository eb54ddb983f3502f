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
            invoice.Property(i => i.Subtotal).HasPrecision(18, 2);
            invoice.Property(i => i.Tax).HasPrecision(18, 2);
            invoice.Property(i => i.AmountPaid).HasPrecision(18, 2);
            invoice.Property(i => i.AmountCredited).HasPrecision(18, 2);
            invoice.Ignore(i => i.Total);
            invoice.Ignore(i => i.AmountDue);
            invoice.OwnsMany(i => i.Lines, line =>
            {
                line.WithOwner().HasForeignKey("InvoiceId");
                line.HasKey("InvoiceId", nameof(InvoiceLineEntity.LineNumber));
                line.Property(l => l.Quantity).HasPrecision(18, 4);
                line.Property(l => l.UnitPrice).HasPrecision(18, 4);
                line.Property(l => l.DiscountPercent).HasPrecision(9, 4);
                line.Property(l => l.NetAmount).HasPrecision(18, 2);
                line.Property(l => l.TaxRate).HasPrecision(9, 6);
                line.Property(l => l.TaxAmount).HasPrecision(18, 2);
            });
        });
        model.Entity<CreditNoteEntity>(note =>
        {
            note.HasKey(n => n.Id);
            note.HasIndex(n => n.InvoiceId);
            note.Property(n => n.Amount).HasPrecision(18, 2);
        });
        model.Entity<PaymentEntity>(payment =>
        {
            payment.HasKey(p => p.Id);
            payment.HasIndex(p => new { p.Tenant, p.AccountId });
            payment.HasIndex(p => new { p.Tenant, p.Reference }).IsUnique();
            payment.Property(p => p.Amount).HasPrecision(18, 2);
            payment.Ignore(p => p.Unapplied);
            payment.OwnsMany(p => p.Applications, application =>
            {
                application.WithOwner().HasForeignKey("PaymentId");
                // A generated key: applications are added to a payment that already exists.
                application.Property<Guid>("Id").ValueGeneratedOnAdd();
                application.HasKey("Id");
                application.Property(a => a.Amount).HasPrecision(18, 2);
            });
        });
    }
}
