using System.Text.Json;
using ApiPlatform.Messaging.Envelope;
using ApiPlatform.Messaging.Outbox;
using ApiPlatform.Workflows.Tests.SystemOfRecord;
using ApiPlatform.Workflows.Tests.TestWorkflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace ApiPlatform.Workflows.Tests.Infrastructure;

/// <summary>
/// One process API for one test: its own database (SQLite file or PostgreSQL), its own system of record on loopback,
/// and a started host running the test workflows, optionally on a <see cref="FakeTimeProvider"/>.
/// </summary>
public sealed class ServiceUnderTest : IAsyncDisposable
{
    private readonly TempDirectory directory;
    private readonly RecordSystem system;

    private ServiceUnderTest(TempDirectory directory, TestDatabase database, RecordSystem system, IHost host, FakeTimeProvider? clock)
    {
        this.directory = directory;
        this.system = system;
        Database = database;
        Host = host;
        Clock = clock;
    }

    public TestDatabase Database { get; }

    public IHost Host { get; }

    public FakeTimeProvider? Clock { get; }

    public RecordStore System => system.Store;

    public StepProbe Probe => Host.Services.GetRequiredService<StepProbe>();

    public static async Task<ServiceUnderTest> StartAsync(
        string provider = TestDatabase.Sqlite, IReadOnlyDictionary<string, string?>? settings = null, FakeTimeProvider? clock = null)
    {
        var directory = new TempDirectory();
        var database = await TestDatabase.CreateAsync(provider, directory);
        var system = await RecordSystem.StartAsync();
        var host = WorkflowHost.Build(
            [database.Settings, Settings(directory, system), settings ?? new Dictionary<string, string?>()],
            services =>
            {
                if (clock is not null)
                {
                    services.AddSingleton<TimeProvider>(clock);
                }
            });
        await host.StartAsync();
        return new ServiceUnderTest(directory, database, system, host, clock);
    }

    public static Dictionary<string, string?> Settings(TempDirectory directory, RecordSystem system) => new()
    {
        ["System:Url"] = system.Url.ToString(),
        ["Messaging:EmbeddedConnectionString"] = $"Data Source={directory.File("transport.db")}",
    };

    public async Task<T> WithClientAsync<T>(Func<IWorkflowClient, Task<T>> action)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<IWorkflowClient>());
    }

    public async Task<string> StartOrderAsync(string? businessKey = null)
    {
        var id = "wf-" + Guid.NewGuid().ToString("N")[..16];
        var start = await WithClientAsync(c => c.StartAsync<OrderWorkflow, OrderState>(id, "tenant-a", businessKey, new OrderState { Customer = "c-1" }, "test", default));
        Assert.True(start.Created);
        return id;
    }

    public async Task<string> StartApprovalAsync(int? deadlineMinutes = null)
    {
        var id = "wf-" + Guid.NewGuid().ToString("N")[..16];
        await WithClientAsync(c => c.StartAsync<ApprovalWorkflow, ApprovalState>(id, "tenant-a", null, new ApprovalState { DeadlineMinutes = deadlineMinutes }, "test", default));
        return id;
    }

    public async Task<WorkflowInstanceView> GetAsync(string id) => (await WithClientAsync(c => c.GetAsync(id, default)))!;

    /// <summary>Waits until the instance satisfies <paramref name="condition"/> (moving the fake clock on, if there is one).</summary>
    public async Task<WorkflowInstanceView> WaitAsync(string id, Func<WorkflowInstanceView, bool> condition, string what, int seconds = 30)
    {
        WorkflowInstanceView? last = null;
        async Task<bool> Reached() => condition(last = await GetAsync(id));
        var reached = Clock is null
            ? await Waiting.UntilAsync(Reached, TimeSpan.FromSeconds(seconds))
            : await Waiting.UntilAsync(Clock, Reached, TimeSpan.FromSeconds(seconds));
        Assert.True(reached, $"Instance {id} did not reach '{what}' within {seconds} s; it is {last?.Status} at {last?.CurrentStep} ({last?.Error}).");
        return last!;
    }

    public Task<WorkflowInstanceView> WaitForAsync(string id, WorkflowStatus status, int seconds = 30) =>
        WaitAsync(id, v => v.Status == status, status.ToString(), seconds);

    /// <summary>The transitions the instance wrote to the outbox, in the order they were written.</summary>
    public async Task<List<WorkflowTransitioned>> OutboxEventsAsync(string id)
    {
        await using var database = Database.CreateContext();
        var rows = await database.Set<OutboxMessage>().Where(o => o.Subject == id).OrderBy(o => o.Sequence).ToListAsync();
        return rows.Select(r => CloudEventSerializer.Deserialize(r.Envelope).Data!.Value.Deserialize<WorkflowTransitioned>(JsonSerializerOptions.Web)!).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync();
        Host.Dispose();
        await system.DisposeAsync();
        await Database.DisposeAsync();
        directory.Dispose();
    }
}
