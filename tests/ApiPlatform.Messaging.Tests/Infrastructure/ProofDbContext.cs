using Microsoft.EntityFrameworkCore;

namespace ApiPlatform.Messaging.Tests.Infrastructure;

/// <summary>A service's own database in the tests: a business table, the effects of handled events, and the messaging tables.</summary>
public sealed class ProofDbContext(DbContextOptions<ProofDbContext> options) : DbContext(options)
{
    public DbSet<Order> Orders => Set<Order>();

    public DbSet<Effect> Effects => Set<Effect>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Order>(order =>
        {
            order.HasKey(o => o.Id);
            order.HasIndex(o => o.Number).IsUnique();
        });
        // No unique index on the event id: a duplicate effect must be countable, not prevented by the table.
        modelBuilder.Entity<Effect>(effect => effect.HasKey(e => e.Id));
        modelBuilder.AddMessagingTables();
    }
}
