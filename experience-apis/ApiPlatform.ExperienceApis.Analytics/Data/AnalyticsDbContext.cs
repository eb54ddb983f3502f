using Microsoft.EntityFrameworkCore;

namespace ApiPlatform.ExperienceApis.Analytics.Data;

public sealed class AnalyticsDbContext(DbContextOptions<AnalyticsDbContext> options) : DbContext(options)
{
    public DbSet<TransactionEntity> Transactions => Set<TransactionEntity>();

    protected override void OnModelCreating(ModelBuilder model) =>
        model.Entity<TransactionEntity>(transaction =>
        {
            transaction.HasKey(t => t.Id);
            transaction.HasIndex(t => new { t.Tenant, t.Kind });
        });
}
