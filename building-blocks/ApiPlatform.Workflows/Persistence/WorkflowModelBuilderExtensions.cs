using ApiPlatform.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ApiPlatform.Workflows;

public static class WorkflowModelBuilderExtensions
{
    /// <summary>
    /// Adds the workflow tables (instances, step journal, history) to the service's own model, the same on SQLite and
    /// PostgreSQL. Call it from <c>OnModelCreating</c> of the context passed to <c>AddWorkflows</c>.
    /// </summary>
    public static ModelBuilder AddWorkflowTables(this ModelBuilder model)
    {
        model.Entity<WorkflowInstance>(instance =>
        {
            instance.ToTable("workflow_instances");
            instance.HasKey(i => i.Id);
            instance.Property(i => i.Id).HasMaxLength(64);
            instance.Property(i => i.Type).HasMaxLength(100);
            instance.Property(i => i.Tenant).HasMaxLength(64);
            instance.Property(i => i.BusinessKey).HasMaxLength(200);
            instance.Property(i => i.Status).HasConversion<string>().HasMaxLength(32);
            instance.Property(i => i.Cause).HasConversion<string>().HasMaxLength(16);
            instance.Property(i => i.WaitingFor).HasMaxLength(100);
            instance.Property(i => i.LeaseOwner).HasMaxLength(100);
            instance.Property(i => i.CreatedBy).HasMaxLength(200);
            instance.Property(i => i.CorrelationId).HasMaxLength(128);
            instance.Property(i => i.Reason).HasMaxLength(1000);
            instance.Property(i => i.CancelReason).HasMaxLength(500);
            instance.Property(i => i.Version).IsConcurrencyToken();
            instance.HasIndex(i => new { i.Type, i.BusinessKey }).IsUnique();
            instance.HasIndex(i => i.NextRunAt);
            instance.HasIndex(i => new { i.Status, i.Type });
            instance.HasIndex(i => new { i.Tenant, i.CreatedAt });
        });
        model.Entity<WorkflowStepRecord>(step =>
        {
            step.ToTable("workflow_steps");
            step.HasKey(s => s.Id);
            step.Property(s => s.Id).ValueGeneratedOnAdd();
            step.Property(s => s.InstanceId).HasMaxLength(64);
            step.Property(s => s.Name).HasMaxLength(100);
            step.Property(s => s.Phase).HasConversion<string>().HasMaxLength(16);
            step.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
            step.Property(s => s.Detail).HasMaxLength(2000);
            step.Property(s => s.Error).HasMaxLength(2000);
            step.Property(s => s.Runner).HasMaxLength(100);
            step.HasIndex(s => new { s.InstanceId, s.Phase, s.Sequence }).IsUnique();
        });
        model.Entity<WorkflowHistoryRecord>(history =>
        {
            history.ToTable("workflow_history");
            history.HasKey(h => h.Id);
            history.Property(h => h.Id).ValueGeneratedOnAdd();
            history.Property(h => h.InstanceId).HasMaxLength(64);
            history.Property(h => h.Kind).HasMaxLength(32);
            history.Property(h => h.Actor).HasMaxLength(200);
            history.Property(h => h.Detail).HasMaxLength(2000);
            history.HasIndex(h => new { h.InstanceId, h.Id });
        });
        return model;
    }
}
