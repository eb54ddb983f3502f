using System.Security.Claims;
using ApiPlatform.Contracts.Erp;
using ApiPlatform.Contracts.Finance;
using ApiPlatform.Workflows;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace ApiPlatform.ProcessApis.ProcureToPay.Tests.Infrastructure;

/// <summary>
/// The procure-to-pay service as <c>AddProcureToPay</c> builds it (its SQLite database migrated, the workflow runner,
/// the outbox), on a <see cref="FakeTimeProvider"/>, with ERP and finance answered by <see cref="StubSystems"/>.
/// </summary>
public sealed class ProcureToPayHost : IAsyncDisposable
{
    private readonly DirectoryInfo directory;
    private readonly WebApplication app;

    private ProcureToPayHost(DirectoryInfo directory, WebApplication app, FakeTimeProvider clock, StubSystems systems)
    {
        this.directory = directory;
        this.app = app;
        Clock = clock;
        Systems = systems;
    }

    public FakeTimeProvider Clock { get; }

    public StubSystems Systems { get; }

    public static ClaimsPrincipal Caller(string clientId) => new(new ClaimsIdentity([new Claim("sub", clientId)], "test"));

    public static async Task<ProcureToPayHost> StartAsync(FakeTimeProvider clock)
    {
        var directory = Directory.CreateTempSubdirectory("apiplatform-p2p-");
        var systems = new StubSystems(clock);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Service:Name"] = "procure-to-pay",
            ["Database:Provider"] = "sqlite",
            ["Database:DataDirectory"] = directory.FullName,
            ["Downstream:erp"] = "http://erp.test",
            ["Downstream:finance"] = "http://finance.test",
            ["Workflows:PollInterval"] = "00:00:00.020",
            ["Workflows:RetryBaseDelay"] = "00:00:00.010",
            ["Workflows:RetryMaxDelay"] = "00:00:00.100",
            ["Messaging:Outbox:PollInterval"] = "00:00:00.100",
            // The service's appsettings.json rules.
            ["ProcureToPay:Approval:Default:AutoApproveBelow"] = "1000",
            ["ProcureToPay:Approval:Default:SecondLevelFrom"] = "10000",
            ["ProcureToPay:Approval:Default:Deadline"] = "3.00:00:00",
            ["ProcureToPay:Approval:Levels:0:Name"] = "procurement",
            ["ProcureToPay:Approval:Levels:0:Approvers:0"] = "procurement-app",
            ["ProcureToPay:Approval:Levels:1:Name"] = "finance",
            ["ProcureToPay:Approval:Levels:1:Approvers:0"] = "finance-app",
            ["ProcureToPay:Matching:Quantity"] = "0",
            ["ProcureToPay:Matching:PricePercent"] = "2",
            ["ProcureToPay:Matching:Total"] = "1",
            ["ProcureToPay:ExceptionApprovers:0"] = "finance-app",
            ["ProcureToPay:PayOnDueDate"] = "true",
        });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.AddProcureToPay();
        // The typed clients of erp and finance, as registered, are replaced by clients of the stubs (no token server).
        builder.Services.AddSingleton(systems.Client<IErpApi>());
        builder.Services.AddSingleton(systems.Client<IFinanceApi>());
        var app = builder.Build();
        await app.StartAsync();
        return new ProcureToPayHost(directory, app, clock, systems);
    }

    /// <summary>
    /// Runs <paramref name="action"/> in a scope of the service while its clock moves on in small steps, as time passes
    /// for a real caller: a command that finds the requisition held by the runner waits on that clock for it.
    /// </summary>
    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var task = action(scope.ServiceProvider);
        await WhileTimePassesAsync(task);
        return await task;
    }

    private async Task WhileTimePassesAsync(Task task)
    {
        var until = DateTime.UtcNow.AddSeconds(60);
        while (!task.IsCompleted)
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException("The service did not answer within 60 s.");
            }
            Clock.Advance(TimeSpan.FromMilliseconds(20));
            await Task.WhenAny(task, Task.Delay(5));
        }
    }

    public Task<WorkflowInstanceView> GetAsync(string id) =>
        InScopeAsync(async s => (await s.GetRequiredService<IWorkflowClient>().GetAsync(id, default))!);

    /// <summary>Moves the fake clock on in small steps (the runner polls on it) until the requisition satisfies the condition.</summary>
    public async Task<WorkflowInstanceView> WaitAsync(string id, Func<WorkflowInstanceView, bool> condition, string what, int seconds = 30)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var view = await GetAsync(id);
            if (condition(view))
            {
                return view;
            }
            Assert.True(DateTime.UtcNow < until, $"Requisition {id} did not reach '{what}' within {seconds} s: {view.Status} at {view.CurrentStep} ({view.Error}).");
            Clock.Advance(TimeSpan.FromMilliseconds(20));
            await Task.Delay(5);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await WhileTimePassesAsync(app.StopAsync());
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
