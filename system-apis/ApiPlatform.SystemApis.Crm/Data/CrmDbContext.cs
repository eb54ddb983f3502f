using ApiPlatform.Messaging;
using ApiPlatform.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;

namespace ApiPlatform.SystemApis.Crm.Data;

public sealed class CrmDbContext(DbContextOptions<CrmDbContext> options) : DbContext(options)
{
    public DbSet<AccountEntity> Accounts => Set<AccountEntity>();
    public DbSet<ContactEntity> Contacts => Set<ContactEntity>();
    public DbSet<OpportunityEntity> Opportunities => Set<OpportunityEntity>();
    public DbSet<QuoteEntity> Quotes => Set<QuoteEntity>();

    protected override void ConfigureConventions(ModelConfigurationBuilder conventions) => conventions.DecimalsAreAmounts();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.AddMessagingTables();
        model.Entity<AccountEntity>(account =>
        {
            account.HasKey(a => a.Id);
            account.HasIndex(a => new { a.Tenant, a.Name });
            account.HasIndex(a => a.ParentAccountId);
            account.HasIndex(a => new { a.Tenant, a.CreationKey }).IsUnique();
        });
        model.Entity<ContactEntity>(contact =>
        {
            contact.HasKey(c => c.Id);
            contact.HasIndex(c => new { c.Tenant, c.AccountId });
            contact.HasIndex(c => new { c.Tenant, c.CreationKey }).IsUnique();
        });
        model.Entity<OpportunityEntity>(opportunity =>
        {
            opportunity.HasKey(o => o.Id);
            opportunity.HasIndex(o => new { o.Tenant, o.AccountId });
            opportunity.HasIndex(o => new { o.Tenant, o.CreationKey }).IsUnique();
            opportunity.Property(o => o.Stage).HasConversion<string>().HasMaxLength(16);
        });
        model.Entity<QuoteEntity>(quote =>
        {
            quote.HasKey(q => q.Id);
            quote.HasIndex(q => new { q.Tenant, q.AccountId });
            quote.HasIndex(q => q.Number).IsUnique();
            quote.HasIndex(q => new { q.Tenant, q.CreationKey }).IsUnique();
            quote.Property(q => q.TaxRate).IsRate();
            quote.Property(q => q.OpportunityStageBeforeWon).HasConversion<string>().HasMaxLength(16);
            quote.OwnsMany(q => q.Lines, line =>
            {
                line.WithOwner().HasForeignKey("QuoteId");
                line.HasKey("QuoteId", nameof(QuoteLineEntity.LineNumber));
                line.Property(l => l.Quantity).IsQuantity();
                line.Property(l => l.UnitPrice).IsUnitPrice();
                line.Property(l => l.DiscountPercent).IsPercentage();
            });
        });
    }
}
