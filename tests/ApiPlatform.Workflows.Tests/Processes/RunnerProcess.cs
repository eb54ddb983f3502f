using ApiPlatform.Workflows.Persistence;
using ApiPlatform.Workflows.Tests.Infrastructure;
using ApiPlatform.Workflows.Tests.SystemOfRecord;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ApiPlatform.Workflows.Tests.Processes;

/// <summary>
/// A replica of the process API that only runs workflows: prints READY once its runner is started, then runs until
/// killed. With <c>Proof:StartOnGo</c> it first warms up (the model, its queries, a connection to the system of record)
/// without writing anything, prints WARM and waits for GO on its input, so a replacement is ready the moment one is killed.
/// </summary>
internal static class RunnerProcess
{
    public const string Mode = "runner";

    public static async Task<int> RunAsync(string[] args)
    {
        var configuration = new ConfigurationBuilder().AddCommandLine(args).Build();
        using var host = WorkflowHost.Build([configuration.AsEnumerable().ToDictionary(p => p.Key, p => p.Value)]);
        if (configuration.GetValue("Proof:StartOnGo", false))
        {
            await WarmUpAsync(host.Services);
            await Console.Out.WriteLineAsync("WARM");
            while (await Console.In.ReadLineAsync() is { } line && line != "GO")
            {
            }
        }
        await host.StartAsync();
        await Console.Out.WriteLineAsync("READY");
        await host.WaitForShutdownAsync();
        return 0;
    }

    // The runner's first claim, load and step compile their queries and open their clients: done here with no row matched
    // and a request the system of record ignores, the replacement's first real step comes as soon as it is told GO.
    private static async Task WarmUpAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var instances = scope.ServiceProvider.GetRequiredService<TestDbContext>().Set<WorkflowInstance>();
        var busy = new List<string>();
        await instances.Where(i => i.NextRunAt != null && i.NextRunAt <= -1 && (i.LeaseUntil == null || i.LeaseUntil < -1) && !busy.Contains(i.Id))
            .OrderBy(i => i.NextRunAt).Select(i => new { i.Id, i.Type, i.Version }).Take(4).ToListAsync();
        await instances.Where(i => i.Id == RecordSystem.WarmUp && i.Version == -1 && (i.LeaseUntil == null || i.LeaseUntil < -1))
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.LeaseOwner, "warm-up").SetProperty(i => i.LeaseUntil, -1)
                .SetProperty(i => i.Fence, i => i.Fence + 1).SetProperty(i => i.Version, i => i.Version + 1));
        await instances.Where(i => i.Id == RecordSystem.WarmUp && i.LeaseOwner == "warm-up").Select(i => i.Fence).FirstOrDefaultAsync();
        await instances.SingleOrDefaultAsync(i => i.Id == RecordSystem.WarmUp);
        await scope.ServiceProvider.GetRequiredService<TestDbContext>().Set<WorkflowStepRecord>().Where(s => s.InstanceId == RecordSystem.WarmUp).ToListAsync();
        var system = scope.ServiceProvider.GetRequiredService<ISystemOfRecordApi>();
        await system.CreateAsync("warm-up", RecordSystem.WarmUp, new DocumentRequest(RecordSystem.WarmUp), default);
    }
}
