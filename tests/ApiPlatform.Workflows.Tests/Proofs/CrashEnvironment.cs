using System.Globalization;
using System.Text.Json;
using ApiPlatform.Messaging.Envelope;
using ApiPlatform.Messaging.Outbox;
using ApiPlatform.Workflows.Persistence;
using ApiPlatform.Workflows.Tests.Infrastructure;
using ApiPlatform.Workflows.Tests.Processes;
using ApiPlatform.Workflows.Tests.SystemOfRecord;
using ApiPlatform.Workflows.Tests.TestWorkflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ApiPlatform.Workflows.Tests.Proofs;

/// <summary>
/// The process API's database and the system of record, both in the test process, with instances started through a
/// host that does not run them: runner processes started from this assembly run them and are killed by PID.
/// </summary>
internal sealed class CrashEnvironment : IAsyncDisposable
{
    private readonly TempDirectory directory;
    private readonly RecordSystem system;
    private readonly IHost api;

    private CrashEnvironment(TempDirectory directory, TestDatabase database, RecordSystem system, IHost api)
    {
        this.directory = directory;
        this.system = system;
        this.api = api;
        Database = database;
    }

    public TestDatabase Database { get; }

    public RecordStore System => system.Store;

    public static async Task<CrashEnvironment> CreateAsync(string provider)
    {
        var directory = new TempDirectory();
        var database = await TestDatabase.CreateAsync(provider, directory);
        var system = await RecordSystem.StartAsync();
        var api = WorkflowHost.Build([database.Settings, ServiceUnderTest.Settings(directory, system), new Dictionary<string, string?> { ["Workflows:RunnerEnabled"] = "false" }]);
        return new CrashEnvironment(directory, database, system, api);
    }

    public async Task<List<string>> StartOrdersAsync(int count)
    {
        var ids = new List<string>();
        for (var n = 1; n <= count; n++)
        {
            await using var scope = api.Services.CreateAsyncScope();
            var id = string.Create(CultureInfo.InvariantCulture, $"wf-crash-{n:000}");
            await scope.ServiceProvider.GetRequiredService<IWorkflowClient>().StartAsync<OrderWorkflow, OrderState>(id, null, null, new OrderState(), "proof", default);
            ids.Add(id);
        }
        return ids;
    }

    /// <summary>The settings of a runner process: one lease second, so the instances a killed runner held are taken up again soon.</summary>
    public IEnumerable<KeyValuePair<string, string?>> RunnerSettings(IReadOnlyDictionary<string, string?>? extra = null) =>
        Database.Settings.Concat(ServiceUnderTest.Settings(directory, system)).Concat(new Dictionary<string, string?>
        {
            ["Workflows:LeaseDuration"] = "00:00:01",
            ["Workflows:PollInterval"] = "00:00:00.050",
            ["Workflows:MaxConcurrency"] = "4",
            ["Workflows:MonitorInterval"] = "00:01:00",
            ["Proof:StartOnGo"] = "true",
        }).Concat(extra ?? new Dictionary<string, string?>());

    /// <summary>Starts a runner process and waits until it is warm; it runs nothing before it is told GO.</summary>
    public async Task<ChildProcess> StartWarmRunnerAsync()
    {
        var runner = ChildProcess.Start(RunnerProcess.Mode, RunnerSettings());
        Assert.Equal("WARM", await runner.ReadLineAsync(TimeSpan.FromSeconds(60)));
        return runner;
    }

    public static async Task GoAsync(ChildProcess runner)
    {
        await runner.SendAsync("GO");
        Assert.Equal("READY", await runner.ReadLineAsync(TimeSpan.FromSeconds(30)));
    }

    public async Task<int> UnfinishedAsync()
    {
        await using var database = Database.CreateContext();
        return await database.Set<WorkflowInstance>().CountAsync(i =>
            i.Status != WorkflowStatus.Completed && i.Status != WorkflowStatus.Compensated && i.Status != WorkflowStatus.Cancelled);
    }

    public async Task<List<WorkflowInstanceView>> ViewsAsync(IEnumerable<string> ids)
    {
        var views = new List<WorkflowInstanceView>();
        foreach (var id in ids)
        {
            await using var scope = api.Services.CreateAsyncScope();
            views.Add((await scope.ServiceProvider.GetRequiredService<IWorkflowClient>().GetAsync(id, default))!);
        }
        return views;
    }

    /// <summary>Every instance's transitions in the outbox, as "Kind:Step".</summary>
    public async Task<ILookup<string, string>> TransitionsAsync()
    {
        await using var database = Database.CreateContext();
        var rows = await database.Set<OutboxMessage>().OrderBy(o => o.Sequence).Select(o => o.Envelope).ToListAsync();
        return rows.Select(r => CloudEventSerializer.Deserialize(r).Data!.Value.Deserialize<WorkflowTransitioned>(JsonSerializerOptions.Web)!)
            .ToLookup(e => e.InstanceId, e => e.Step is null ? e.Kind : $"{e.Kind}:{e.Step}");
    }

    public async ValueTask DisposeAsync()
    {
        api.Dispose();
        await system.DisposeAsync();
        await Database.DisposeAsync();
        directory.Dispose();
    }
}
