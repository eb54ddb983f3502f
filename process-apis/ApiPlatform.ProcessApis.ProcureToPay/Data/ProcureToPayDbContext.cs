using Microsoft.EntityFrameworkCore;

namespace ApiPlatform.ProcessApis.ProcureToPay.Data;

public sealed class ProcureToPayDbContext(DbContextOptions<ProcureToPayDbContext> options) : DbContext(options)
{
    public DbSet<RequisitionEntity> Requisitions => Set<RequisitionEntity>();

    protected override void OnModelCreating(ModelBuilder model) =>
        model.Entity<RequisitionEntity>(requisition =>
        {
            requisition.HasKey(r => r.Id);
            requisition.Property(r => r.Amount).HasPrecision(18, 2);
        });
}
