using ApiPlatform.Workflows.Configuration;
using ApiPlatform.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ApiPlatform.Workflows.Runtime;

/// <summary>
/// Picks up due instances (new, due retries, fired timers, signalled, and those whose owner's lease ran out) and runs
/// them in the background, never in an HTTP request. A claim is one conditional update per instance (due, lease free,
/// version unchanged) that takes a lease and a new fence, so two replicas never run one instance at once.
/// </summary>
internal sealed class WorkflowRunner<TContext>(
    IServiceScopeFactory scopes, IServiceProvider services, WorkflowRegistry registry, WorkflowWakeup wakeup, IOptions<WorkflowOptions> options,
    TimeProvider clock, ILogger<WorkflowRunner<TContext>> logger) : BackgroundService
    where TContext : DbContext
{
    private readonly string owner = OwnerId();
    private readonly Dictionary<string, Task> running = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                Reap();
                var free = settings.MaxConcurrency - running.Count;
                var claimed = free > 0 ? await ClaimAsync(free, stoppingToken) : [];
                foreach (var (id, type, fence) in claimed)
                {
                    running[id] = RunOneAsync(id, type, fence, stoppingToken);
                }

                if (claimed.Count == free && free > 0)
                {
                    continue;
                }
                var waits = running.Values.Append(wakeup.WaitAsync(settings.PollInterval, clock, stoppingToken));
                await Task.WhenAny(waits);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "The workflow runner could not claim instances; trying again");
                await Task.Delay(settings.PollInterval, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
        await Task.WhenAll(running.Values);
    }

    private const long OrphanCheckInterval = 5_000;
    private long nextOrphanCheck;

    private sealed record Candidate(string Id, string Type, long Version, string? Owner);

    /// <summary>
    /// Instances still leased by a runner of an earlier process on this machine that no longer runs (killed, or this
    /// container restarted): taken over at once instead of after their lease runs out. A runner elsewhere is never
    /// judged from here; its leases run out.
    /// </summary>
    private async Task<List<Candidate>> OrphansAsync(DbSet<WorkflowInstance> instances, long now, int max, CancellationToken cancellationToken)
    {
        // A dead process is rare: looked for at start and every few seconds, not at every poll.
        if (max <= 0 || now < nextOrphanCheck)
        {
            return [];
        }
        nextOrphanCheck = now + OrphanCheckInterval;
        var here = owner[..(owner.IndexOf('/', StringComparison.Ordinal) + 1)];
        var leased = await instances
            .Where(i => i.NextRunAt != null && i.LeaseUntil != null && i.LeaseUntil >= now && i.LeaseOwner != owner && i.LeaseOwner!.StartsWith(here))
            .OrderBy(i => i.LeaseUntil).Select(i => new Candidate(i.Id, i.Type, i.Version, i.LeaseOwner)).Take(max).ToListAsync(cancellationToken);
        return leased.Where(c => IsDeadHere(c.Owner!)).ToList();
    }

    private static bool IsDeadHere(string leaseOwner)
    {
        var parts = leaseOwner.Split('/');
        if (parts.Length != 3 || !int.TryParse(parts[1], out var pid))
        {
            return false;
        }
        if (pid == Environment.ProcessId)
        {
            // Another runner in this very process (replicas in one test host) - or an earlier container with the same
            // process id, which cannot be told apart: left to its lease.
            return false;
        }
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }

    private static string OwnerId()
    {
        // Machine and process first (orphan takeover reads them), shortened so the whole id fits its 100-character column.
        var machine = Environment.MachineName.Replace('/', '_');
        return $"{(machine.Length > 50 ? machine[..50] : machine)}/{Environment.ProcessId}/{Guid.NewGuid():N}";
    }

    private void Reap()
    {
        foreach (var done in running.Where(r => r.Value.IsCompleted).Select(r => r.Key).ToList())
        {
            running.Remove(done);
        }
    }

    private async Task RunOneAsync(string id, string type, long fence, CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            if (!registry.Executors.TryGetValue(type, out var executorType))
            {
                logger.LogError("Instance {Instance} is of workflow type {Type}, which this service does not run", id, type);
                return;
            }
            var executor = (IWorkflowExecutor)services.GetRequiredService(executorType);
            await executor.RunAsync(id, fence, owner, stoppingToken);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            // The lease runs out and the instance is taken up again: nothing is lost, the step re-runs with its key.
            logger.LogError(ex, "Running {Type} instance {Instance} failed; it is picked up again when its lease runs out", type, id);
        }
        catch (Exception) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task<List<(string Id, string Type, long Fence)>> ClaimAsync(int max, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var instances = scope.ServiceProvider.GetRequiredService<TContext>().Set<WorkflowInstance>();
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var busy = running.Keys.ToList();
        var candidates = await instances
            .Where(i => i.NextRunAt != null && i.NextRunAt <= now && (i.LeaseUntil == null || i.LeaseUntil < now) && !busy.Contains(i.Id))
            .OrderBy(i => i.NextRunAt).Select(i => new Candidate(i.Id, i.Type, i.Version, null)).Take(max).ToListAsync(cancellationToken);

        var until = now + (long)options.Value.LeaseDuration.TotalMilliseconds;
        var claimed = new List<(string, string, long)>();
        foreach (var candidate in candidates.Concat(await OrphansAsync(instances, now, max - candidates.Count, cancellationToken)))
        {
            var taken = await instances
                .Where(i => i.Id == candidate.Id && i.Version == candidate.Version
                    && (i.LeaseUntil == null || i.LeaseUntil < now || (candidate.Owner != null && i.LeaseOwner == candidate.Owner)))
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.LeaseOwner, owner).SetProperty(i => i.LeaseUntil, until)
                    .SetProperty(i => i.Fence, i => i.Fence + 1).SetProperty(i => i.Version, i => i.Version + 1), cancellationToken);
            if (taken == 1)
            {
                var fence = await instances.Where(i => i.Id == candidate.Id && i.LeaseOwner == owner).Select(i => i.Fence).FirstOrDefaultAsync(cancellationToken);
                claimed.Add((candidate.Id, candidate.Type, fence));
            }
        }
        return claimed;
    }
}
