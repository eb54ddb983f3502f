using ApiPlatform.Messaging;
using Microsoft.EntityFrameworkCore;

namespace ApiPlatform.Workflows.Tests.Infrastructure;

/// <summary>A process API's own database in the tests: the workflow tables and the messaging outbox beside them.</summary>
public sealed class TestDbContext(DbContextOptions<TestDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddWorkflowTables();
        modelBuilder.AddMessagingTables();
    }
}
