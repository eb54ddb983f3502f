using Microsoft.EntityFrameworkCore;

namespace ApiPlatform.ServiceDefaults.Data;

public interface IDatabaseSeeder<in TContext> where TContext : DbContext
{
    /// <summary>
    /// Demo tenants and their records are written only in Development or when <c>Database:SeedDemoData</c> is true;
    /// reference data a service needs to work (a chart of accounts, tax rates) says false and is written everywhere.
    /// </summary>
    bool IsDemoData => true;

    Task SeedAsync(TContext database, CancellationToken cancellationToken);
}
