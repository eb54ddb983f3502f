using Microsoft.EntityFrameworkCore;

namespace ApiPlatform.ProcessApis.QuoteToCash.Data;

public sealed class QuoteToCashDbContext(DbContextOptions<QuoteToCashDbContext> options) : DbContext(options)
{
    public DbSet<OrderRequestEntity> OrderRequests => Set<OrderRequestEntity>();

    protected override void OnModelCreating(ModelBuilder model) =>
        model.Entity<OrderRequestEntity>(request =>
        {
            request.HasKey(r => r.Id);
            // A quote is ordered at most once.
            request.HasIndex(r => r.QuoteId).IsUnique();
            request.HasIndex(r => r.Tenant);
            request.Property(r => r.Status).HasConversion<string>();
            request.Property(r => r.TotalAmount).HasPrecision(18, 2);
            request.OwnsMany(r => r.Steps, step =>
            {
                step.WithOwner().HasForeignKey("OrderRequestId");
                step.HasKey("OrderRequestId", nameof(OrderRequestStepEntity.Sequence));
                step.Property(s => s.Status).HasConversion<string>();
            });
        });
}
