using ApiPlatform.Messaging;
using ApiPlatform.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;

namespace ApiPlatform.SystemApis.Finance.Data;

public sealed partial class FinanceDbContext(DbContextOptions<FinanceDbContext> options) : DbContext(options)
{
    public DbSet<CreditAccountEntity> CreditAccounts => Set<CreditAccountEntity>();
    public DbSet<CreditAssessmentEntity> CreditAssessments => Set<CreditAssessmentEntity>();
    public DbSet<TaxRateEntity> TaxRates => Set<TaxRateEntity>();
    public DbSet<InvoiceEntity> Invoices => Set<InvoiceEntity>();
    public DbSet<CreditNoteEntity> CreditNotes => Set<CreditNoteEntity>();
    public DbSet<PaymentEntity> Payments => Set<PaymentEntity>();
    public DbSet<LedgerAccountEntity> LedgerAccounts => Set<LedgerAccountEntity>();
    public DbSet<JournalEntryEntity> JournalEntries => Set<JournalEntryEntity>();
    public DbSet<SupplierInvoiceEntity> SupplierInvoices => Set<SupplierInvoiceEntity>();
    public DbSet<SupplierPaymentEntity> SupplierPayments => Set<SupplierPaymentEntity>();
    public DbSet<BillingCustomerEntity> BillingCustomers => Set<BillingCustomerEntity>();
    public DbSet<SubscriptionEntity> Subscriptions => Set<SubscriptionEntity>();
    public DbSet<BillingEventEntity> BillingEvents => Set<BillingEventEntity>();

    protected override void ConfigureConventions(ModelConfigurationBuilder conventions) => conventions.DecimalsAreAmounts();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.AddMessagingTables();
        model.Entity<CreditAccountEntity>(account =>
        {
            account.HasKey(a => a.AccountId);
        });
        model.Entity<CreditAssessmentEntity>(assessment =>
        {
            assessment.HasKey(a => a.Id);
            assessment.HasIndex(a => new { a.RequestedBy, a.IdempotencyKey }).IsUnique();
            assessment.HasIndex(a => a.AccountId);
        });
        model.Entity<TaxRateEntity>(rate =>
        {
            rate.HasKey(r => new { r.Jurisdiction, r.TaxCode });
            rate.Property(r => r.Rate).IsRate();
        });
        OnReceivablesCreating(model);
        OnLedgerCreating(model);
        OnBillingCreating(model);
    }
}
