using Microsoft.EntityFrameworkCore;

namespace ApiPlatform.Messaging.Benchmarks;

public sealed class BenchDbContext(DbContextOptions<BenchDbContext> options) : DbContext(options)
{
    public DbSet<BenchRow> Rows => Set<BenchRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<BenchRow>().HasKey(r => r.Id);
        modelBuilder.AddMessagingTables();
    }
}
