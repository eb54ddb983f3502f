using System.Globalization;
using ApiPlatform.Workflows.Persistence;
using ApiPlatform.Workflows.Tests.Infrastructure;
using ApiPlatform.Workflows.Tests.SystemOfRecord;
using ApiPlatform.Workflows.Tests.TestWorkflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit.Abstractions;

namespace ApiPlatform.Workflows.Tests.Proofs;

/// <summary>
/// Two replicas (two hosts, each with its own runner, owner and connection pool) run 100 instances from one database:
/// every step is executed exactly once, no key and no instance is ever in flight from both at the same time, and both
/// take a share of the work.
/// </summary>
[Collection(ProofCollection.Name)]
public sealed class TwoReplicasProof(ITestOutputHelper output)
{
    private const int Instances = 100;

    [SkippableTheory]
    [InlineData(TestDatabase.Postgres)]
    [InlineData(TestDatabase.Sqlite)]
    public async Task Two_replicas_on_one_database_run_every_step_once_and_never_one_instance_together(string provider)
    {
        using var directory = new TempDirectory();
        await using var database = await TestDatabase.CreateAsync(provider, directory);
        await using var system = await RecordSystem.StartAsync();
        system.Store.DelayMilliseconds = (10, 40);
        using var a = Replica("a");
        using var b = Replica("b");
        await Task.WhenAll(a.StartAsync(), b.StartAsync());

        // The instances are started through a replica that runs nothing, so both runners find all of them by polling and
        // race for the same candidates.
        using var api = Replica("api", runner: false);
        var started = DateTime.UtcNow;
        var ids = new List<string>();
        for (var n = 1; n <= Instances; n++)
        {
            await using var scope = api.Services.CreateAsyncScope();
            var id = string.Create(CultureInfo.InvariantCulture, $"wf-replicas-{n:000}");
            await scope.ServiceProvider.GetRequiredService<IWorkflowClient>().StartAsync<OrderWorkflow, OrderState>(id, null, null, new OrderState(), "proof", default);
            ids.Add(id);
        }
        var finished = await Waiting.UntilAsync(async () => await CompletedAsync(database) == Instances, TimeSpan.FromSeconds(90), 100);
        var elapsed = DateTime.UtcNow - started;
        await Task.WhenAll(a.StopAsync(), b.StopAsync());

        var requests = DoRequests(system.Store);
        var perKey = requests.GroupBy(r => r.Key).ToList();
        var replicasPerInstance = requests.GroupBy(r => r.InstanceId).ToDictionary(g => g.Key, g => g.Select(r => r.Replica).Distinct().ToList());
        await using var context = database.CreateContext();
        var journal = await context.Set<WorkflowStepRecord>().Where(s => s.Phase == StepPhase.Forward).ToListAsync();
        ProofFigures.Report(output, "two replicas on one database", database.Name,
            ("instances", Instances), ("completed", await CompletedAsync(database)), ("took", elapsed),
            ("step requests", requests.Count), ("keys requested more than once", perKey.Count(g => g.Count() > 1)),
            ("requests in flight together for one key", system.Store.KeyOverlaps), ("for one instance", system.Store.InstanceOverlaps),
            ("instances run by a only", replicasPerInstance.Values.Count(r => r.SequenceEqual(["a"]))),
            ("by b only", replicasPerInstance.Values.Count(r => r.SequenceEqual(["b"]))),
            ("by both, one after the other", replicasPerInstance.Values.Count(r => r.Count > 1)));

        Assert.True(finished, $"{Instances - await CompletedAsync(database)} instances did not complete");
        Assert.Equal(Instances * OrderWorkflow.StepNames.Length, perKey.Count);
        Assert.All(perKey, g => Assert.Single(g));
        Assert.All(requests, r => Assert.Equal(200, r.Status));
        Assert.Equal(0, system.Store.KeyOverlaps);
        Assert.Equal(0, system.Store.InstanceOverlaps);
        Assert.Equal(Instances * OrderWorkflow.StepNames.Length, system.Store.Documents.Count);
        Assert.All(journal, s => Assert.Equal((StepStatus.Succeeded, 1), (s.Status, s.Attempts)));
        Assert.Contains(replicasPerInstance.Values, r => r.Contains("a"));
        Assert.Contains(replicasPerInstance.Values, r => r.Contains("b"));

        IHost Replica(string name, bool runner = true) => WorkflowHost.Build([database.Settings, ServiceUnderTest.Settings(directory, system), new Dictionary<string, string?>
        {
            ["System:Replica"] = name,
            ["Workflows:MaxConcurrency"] = "8",
            ["Workflows:RunnerEnabled"] = runner ? "true" : "false",
        }]);
    }

    private static List<RequestLogEntry> DoRequests(RecordStore store) => store.Requests.Where(r => r.Kind == RecordStore.Do).ToList();

    private static async Task<int> CompletedAsync(TestDatabase database)
    {
        await using var context = database.CreateContext();
        return await context.Set<WorkflowInstance>().CountAsync(i => i.Status == WorkflowStatus.Completed);
    }
}
