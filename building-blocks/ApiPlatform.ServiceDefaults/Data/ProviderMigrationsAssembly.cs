using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Internal;

namespace ApiPlatform.ServiceDefaults.Data;

#pragma warning disable EF1001 // MigrationsAssembly is EF Core's own way to find migrations; this only narrows what it finds.
/// <summary>
/// A service keeps the migrations of both providers in its own assembly, in namespaces ending in <c>.Migrations.Sqlite</c>
/// and <c>.Migrations.Postgres</c>; EF Core sees only those of the provider in use (and its model snapshot).
/// </summary>
internal sealed class ProviderMigrationsAssembly(
    ICurrentDbContext currentContext, IDbContextOptions options, IMigrationsIdGenerator idGenerator, IDiagnosticsLogger<DbLoggerCategory.Migrations> logger)
    : MigrationsAssembly(currentContext, options, idGenerator, logger)
{
    private readonly string suffix = "." + Folder(currentContext.Context.Database.ProviderName);
    private readonly Type contextType = currentContext.Context.GetType();
    private IReadOnlyDictionary<string, TypeInfo>? migrations;
    private ModelSnapshot? snapshot;

    /// <summary>The folder (and namespace suffix) of a provider's migrations.</summary>
    public static string Folder(string? providerName) => providerName switch
    {
        "Microsoft.EntityFrameworkCore.Sqlite" => "Migrations.Sqlite",
        "Npgsql.EntityFrameworkCore.PostgreSQL" => "Migrations.Postgres",
        _ => throw new InvalidOperationException($"No migrations are kept for the provider {providerName}."),
    };

    public override IReadOnlyDictionary<string, TypeInfo> Migrations =>
        migrations ??= base.Migrations.Where(m => Ours(m.Value)).ToDictionary(m => m.Key, m => m.Value);

    public override ModelSnapshot? ModelSnapshot => snapshot ??= Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(ModelSnapshot)) && !t.IsAbstract && Ours(t)
            && t.GetCustomAttribute<DbContextAttribute>()?.ContextType == contextType)
        .Select(t => (ModelSnapshot)Activator.CreateInstance(t)!)
        .FirstOrDefault();

    private bool Ours(Type type) => type.Namespace?.EndsWith(suffix, StringComparison.Ordinal) == true;
}
#pragma warning restore EF1001
