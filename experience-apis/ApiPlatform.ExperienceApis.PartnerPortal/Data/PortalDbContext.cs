using Microsoft.EntityFrameworkCore;

namespace ApiPlatform.ExperienceApis.PartnerPortal.Data;

public sealed class PortalDbContext(DbContextOptions<PortalDbContext> options) : DbContext(options)
{
    public DbSet<PortalOrderEntity> Orders => Set<PortalOrderEntity>();

    protected override void OnModelCreating(ModelBuilder model) =>
        model.Entity<PortalOrderEntity>(order =>
        {
            order.HasKey(o => o.OrderRequestId);
            order.HasIndex(o => new { o.Tenant, o.PlacedAt });
        });
}
