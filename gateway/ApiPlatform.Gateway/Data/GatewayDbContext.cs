using ApiPlatform.Gateway.AdminAudit;
using Microsoft.EntityFrameworkCore;

namespace ApiPlatform.Gateway.Data;

/// <summary>The gateway's own database: the durable audit trail of admin actions.</summary>
internal sealed class GatewayDbContext(DbContextOptions<GatewayDbContext> options) : DbContext(options)
{
    public DbSet<AdminAuditRecord> AdminAudit => Set<AdminAuditRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AdminAuditRecord>(record =>
        {
            record.ToTable("AdminAudit");
            record.HasKey(r => r.Id);
            record.Property(r => r.Actor).HasMaxLength(200);
            record.Property(r => r.Client).HasMaxLength(200);
            record.Property(r => r.Action).HasMaxLength(100);
            record.Property(r => r.Api).HasMaxLength(100);
            record.Property(r => r.Target).HasMaxLength(300);
            record.Property(r => r.Reason).HasMaxLength(AdminAction.MaxReasonLength);
            record.Property(r => r.CorrelationId).HasMaxLength(100);
            record.HasIndex(r => r.AtMs);
            record.HasIndex(r => new { r.Actor, r.AtMs });
            record.HasIndex(r => new { r.Api, r.AtMs });
        });
    }
}
