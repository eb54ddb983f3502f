using ApiPlatform.Contracts.Reconciliation;
using ApiPlatform.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ApiPlatform.ProcessApis.Reconciliation.Data;

/// <summary>Runs, the exceptions they found and the exceptions' audit trail; the outbox, inbox and dead letters of its events.</summary>
public sealed class ReconciliationDbContext(DbContextOptions<ReconciliationDbContext> options) : DbContext(options)
{
    public DbSet<RunEntity> Runs => Set<RunEntity>();
    public DbSet<ExceptionEntity> Exceptions => Set<ExceptionEntity>();
    public DbSet<ExceptionActivityEntity> ExceptionActivity => Set<ExceptionActivityEntity>();
    public DbSet<RunFindingEntity> RunFindings => Set<RunFindingEntity>();

    // Instants are stored as sortable integers (always UTC), so SQLite can compare and order them as PostgreSQL does.
    protected override void ConfigureConventions(ModelConfigurationBuilder conventions) =>
        conventions.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<RunEntity>(run =>
        {
            run.ToTable("runs");
            run.HasKey(r => r.Id);
            run.Property(r => r.Id).HasMaxLength(64);
            run.Property(r => r.Tenant).HasMaxLength(64);
            run.Property(r => r.Period).HasMaxLength(7);
            run.Property(r => r.Trigger).HasMaxLength(16);
            run.Property(r => r.RequestedBy).HasMaxLength(128);
            run.Property(r => r.TickKey).HasMaxLength(200);
            run.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
            run.Property(r => r.LeaseOwner).HasMaxLength(128);
            run.Property(r => r.Error).HasMaxLength(2000);
            run.HasIndex(r => r.TickKey).IsUnique();
            run.HasIndex(r => new { r.Status, r.CreatedAt });
            run.HasIndex(r => new { r.Tenant, r.Period });
            // At most one queued or running run per tenant and period, whoever asks (two callers, a caller and a tick).
            run.HasIndex(r => new { r.Tenant, r.Period }, "IX_runs_active_period").IsUnique()
                .HasFilter("\"Status\" IN ('Queued', 'Running')");
        });
        model.Entity<ExceptionEntity>(exception =>
        {
            exception.ToTable("exceptions");
            exception.HasKey(e => e.Id);
            exception.Property(e => e.Id).HasMaxLength(64);
            exception.Property(e => e.Tenant).HasMaxLength(64);
            exception.Property(e => e.Period).HasMaxLength(7);
            exception.Property(e => e.Kind).HasConversion<string>().HasMaxLength(32);
            exception.Property(e => e.Status).HasConversion<string>().HasMaxLength(16);
            exception.Property(e => e.DocumentKey).HasMaxLength(400);
            exception.Property(e => e.Detail).HasMaxLength(1000);
            exception.Property(e => e.Fingerprint).HasMaxLength(64);
            exception.Property(e => e.FirstRunId).HasMaxLength(64);
            exception.Property(e => e.LastRunId).HasMaxLength(64);
            exception.Property(e => e.ResolutionNote).HasMaxLength(1000);
            exception.Property(e => e.ResolvedBy).HasMaxLength(128);
            exception.HasIndex(e => new { e.Tenant, e.Kind, e.DocumentKey }).IsUnique();
            exception.HasIndex(e => new { e.Tenant, e.Period, e.Status });
            exception.HasIndex(e => e.LastRunId);
            exception.HasMany(e => e.Activity).WithOne().HasForeignKey(a => a.ExceptionId);
        });
        model.Entity<RunFindingEntity>(finding =>
        {
            finding.ToTable("run_findings");
            finding.HasKey(f => new { f.RunId, f.ExceptionId });
            finding.Property(f => f.RunId).HasMaxLength(64);
            finding.Property(f => f.ExceptionId).HasMaxLength(64);
        });
        model.Entity<ExceptionActivityEntity>(activity =>
        {
            activity.ToTable("exception_activity");
            activity.HasKey(a => a.Id);
            activity.Property(a => a.Action).HasMaxLength(32);
            activity.Property(a => a.Actor).HasMaxLength(128);
            activity.Property(a => a.Note).HasMaxLength(1000);
        });
        model.AddMessagingTables();
    }
}
