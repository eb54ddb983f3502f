using ApiPlatform.Workflows;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ApiPlatform.ProcessApis.QuoteToCash.Tests.Infrastructure;

/// <summary>
/// The quote-to-cash service as <c>AddQuoteToCash</c> builds it, on a migrated SQLite database, with its runner off:
/// order requests are started and stay as started, for tests of what starts them.
/// </summary>
public sealed class QuoteToCashHost : IAsyncDisposable
{
    private readonly DirectoryInfo directory;
    private readonly WebApplication app;

    private QuoteToCashHost(DirectoryInfo directory, WebApplication app)
    {
        this.directory = directory;
        this.app = app;
    }

    public static async Task<QuoteToCashHost> StartAsync()
    {
        var directory = Directory.CreateTempSubdirectory("apiplatform-q2c-");
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Service:Name"] = "quote-to-cash",
            ["Database:Provider"] = "sqlite",
            ["Database:DataDirectory"] = directory.FullName,
            ["Downstream:crm"] = "http://crm.test",
            ["Downstream:erp"] = "http://erp.test",
            ["Downstream:finance"] = "http://finance.test",
            ["Workflows:RunnerEnabled"] = "false",
        });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddQuoteToCash();
        var app = builder.Build();
        await app.StartAsync();
        return new QuoteToCashHost(directory, app);
    }

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public async Task InScopeAsync(Func<IServiceProvider, Task> action)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await action(scope.ServiceProvider);
    }

    /// <summary>Every order request there is.</summary>
    public Task<IReadOnlyList<WorkflowInstanceSummary>> OrderRequestsAsync() => InScopeAsync(async s =>
    {
        var (items, total) = await s.GetRequiredService<IWorkflowClient>().ListAsync(new WorkflowFilter(), 0, 200, default);
        Assert.Equal(items.Count, total);
        return items;
    });

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            directory.Delete(recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
