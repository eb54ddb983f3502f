using Microsoft.EntityFrameworkCore;

namespace ApiPlatform.SystemApis.Finance.Data;

public sealed class FinanceDbContext(DbContextOptions<FinanceDbContext> options) : DbContext(options)
{
    public DbSet<CreditAccountEntity> CreditAccounts => Set<CreditAccountEntity>();
    public DbSet<CreditAssessmentEntity> CreditAssessments => Set<CreditAssessmentEntity>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<CreditAccountEntity>(account =>
        {
            account.HasKey(a => a.AccountId);
            account.Property(a => a.CreditLimit).HasPrecision(18, 2);
            account.Property(a => a.OpenInvoices).HasPrecision(18, 2);
        });
        model.Entity<CreditAssessmentEntity>(assessment =>
        {
            assessment.HasKey(a => a.Id);
            assessment.HasIndex(a => new { a.RequestedBy, a.IdempotencyKey }).IsUnique();
            assessment.HasIndex(a => a.AccountId);
            assessment.Property(a => a.Amount).HasPrecision(18, 2);
            assessment.Property(a => a.CreditLimit).HasPrecision(18, 2);
            assessment.Property(a => a.OpenExposure).HasPrecision(18, 2);
        });
    }
}
