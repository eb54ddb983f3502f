using ApiPlatform.ServiceDefaults;
using ApiPlatform.SystemApis.Finance.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ApiPlatform.SystemApis.Finance.Tests;

/// <summary>
/// A new finance database always gets the chart of accounts and the tax rates; the demo tenants' credit lines and opening
/// balances only in Development or when asked for (<c>Database:SeedDemoData</c>).
/// </summary>
public sealed class DemoDataTests : IDisposable
{
    private readonly string data = Path.Combine(Path.GetTempPath(), "apiplatform-finance-seed-" + Guid.NewGuid().ToString("N"));

    [Theory]
    [InlineData("Production", null, false)]
    [InlineData("Staging", "false", false)]
    [InlineData("Production", "true", true)]
    [InlineData("Development", null, true)]
    [InlineData("Development", "false", false)]
    public async Task Demo_tenants_are_seeded_only_in_development_or_when_asked_and_reference_data_always(
        string environment, string? seedDemoData, bool demo)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment, ApplicationName = typeof(FinanceExtensions).Assembly.GetName().Name });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Service:Name"] = "finance",
            ["Service:Tier"] = "system",
            ["Auth:Authority"] = "https://127.0.0.1:9/",
            ["Database:DataDirectory"] = data,
            ["Database:SeedDemoData"] = seedDemoData,
        });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddServiceDefaults();
        builder.AddFinance();
        await using var app = builder.Build();

        await app.StartAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<FinanceDbContext>();

        Assert.NotEqual(0, await database.LedgerAccounts.CountAsync());
        Assert.NotEqual(0, await database.TaxRates.CountAsync());
        Assert.Equal(demo, await database.CreditAccounts.AnyAsync());
        Assert.Equal(demo, await database.JournalEntries.AnyAsync(e => e.Tenant == "acme"));
        await app.StopAsync();
    }

    public void Dispose()
    {
        if (Directory.Exists(data))
        {
            Directory.Delete(data, recursive: true);
        }
    }
}
