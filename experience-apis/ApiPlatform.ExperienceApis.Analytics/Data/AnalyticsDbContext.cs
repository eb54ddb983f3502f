using ApiPlatform.Messaging;
using ApiPlatform.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;

namespace ApiPlatform.ExperienceApis.Analytics.Data;

public sealed class AnalyticsDbContext(DbContextOptions<AnalyticsDbContext> options) : DbContext(options)
{
    public DbSet<TransactionEntity> Transactions => Set<TransactionEntity>();

    public DbSet<TimelineEntryEntity> TimelineEntries => Set<TimelineEntryEntity>();

    public DbSet<TransactionLinkEntity> TransactionLinks => Set<TransactionLinkEntity>();

    public DbSet<MappingFailureEntity> MappingFailures => Set<MappingFailureEntity>();

    public DbSet<ConnectorSampleEntity> ConnectorSamples => Set<ConnectorSampleEntity>();

    public DbSet<MessagingSampleEntity> MessagingSamples => Set<MessagingSampleEntity>();

    public DbSet<ReconciliationRunEntity> ReconciliationRuns => Set<ReconciliationRunEntity>();

    public DbSet<ReconciliationEventEntity> ReconciliationEvents => Set<ReconciliationEventEntity>();

    public DbSet<ReconciliationExceptionEntity> ReconciliationExceptions => Set<ReconciliationExceptionEntity>();

    protected override void ConfigureConventions(ModelConfigurationBuilder conventions) => conventions.DecimalsAreAmounts();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<TransactionEntity>(transaction =>
        {
            transaction.HasKey(t => t.Id);
            transaction.HasIndex(t => new { t.Tenant, t.Kind });
            transaction.HasIndex(t => new { t.Ended, t.DueAt });
            transaction.HasIndex(t => t.StartedAt);
        });
        model.Entity<TimelineEntryEntity>(entry =>
        {
            entry.HasKey(e => e.Id);
            entry.HasIndex(e => e.Reference);
            entry.HasIndex(e => e.CorrelationId);
            entry.HasIndex(e => e.TransactionId);
        });
        model.Entity<TransactionLinkEntity>(link =>
        {
            link.HasKey(l => l.Reference);
            link.HasIndex(l => l.TransactionId);
        });
        model.Entity<MappingFailureEntity>(failure =>
        {
            failure.HasKey(f => f.Id);
            failure.HasIndex(f => f.At);
        });
        model.Entity<ConnectorSampleEntity>(sample =>
        {
            sample.HasKey(s => s.Id);
            sample.HasIndex(s => s.To);
        });
        model.Entity<MessagingSampleEntity>(sample =>
        {
            sample.HasKey(s => s.Id);
            sample.HasIndex(s => new { s.System, s.At });
        });
        model.Entity<ReconciliationRunEntity>(run =>
        {
            run.HasKey(r => r.Id);
            run.HasIndex(r => new { r.Tenant, r.CompletedAt });
        });
        model.Entity<ReconciliationEventEntity>(change =>
        {
            change.HasKey(c => c.Id);
            change.HasIndex(c => new { c.Tenant, c.At });
        });
        model.Entity<ReconciliationExceptionEntity>(exception =>
        {
            exception.HasKey(e => e.Id);
            exception.HasIndex(e => new { e.Tenant, e.Open });
        });
        model.AddMessagingTables();
    }
}
