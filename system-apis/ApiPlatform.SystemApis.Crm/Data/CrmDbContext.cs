using Microsoft.EntityFrameworkCore;

namespace ApiPlatform.SystemApis.Crm.Data;

public sealed class CrmDbContext(DbContextOptions<CrmDbContext> options) : DbContext(options)
{
    public DbSet<AccountEntity> Accounts => Set<AccountEntity>();
    public DbSet<QuoteEntity> Quotes => Set<QuoteEntity>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<AccountEntity>(account =>
        {
            account.HasKey(a => a.Id);
            account.HasIndex(a => new { a.Tenant, a.Name });
        });
        model.Entity<QuoteEntity>(quote =>
        {
            quote.HasKey(q => q.Id);
            quote.HasIndex(q => new { q.Tenant, q.AccountId });
            quote.HasIndex(q => q.Number).IsUnique();
            quote.Property(q => q.TaxRate).HasPrecision(9, 4);
            quote.OwnsMany(q => q.Lines, line =>
            {
                line.WithOwner().HasForeignKey("QuoteId");
                line.HasKey("QuoteId", nameof(QuoteLineEntity.LineNumber));
                line.Property(l => l.Quantity).HasPrecision(18, 4);
                line.Property(l => l.UnitPrice).HasPrecision(18, 4);
                line.Property(l => l.DiscountPercent).HasPrecision(9, 4);
            });
        });
    }
}
