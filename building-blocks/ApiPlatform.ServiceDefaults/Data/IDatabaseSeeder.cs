using Microsoft.EntityFrameworkCore;

namespace ApiPlatform.ServiceDefaults.Data;

public interface IDatabaseSeeder<in TContext> where TContext : DbContext
{
    Task SeedAsync(TContext database, CancellationToken cancellationToken);
}
