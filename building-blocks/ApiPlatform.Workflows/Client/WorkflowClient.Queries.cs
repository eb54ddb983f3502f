using System.Text.Json;
using ApiPlatform.Workflows.Persistence;
using ApiPlatform.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApiPlatform.Workflows.Client;

internal sealed partial class WorkflowClient<TContext>
{
    public async Task<WorkflowInstanceView?> GetAsync(string instanceId, CancellationToken cancellationToken)
    {
        var instance = await Instances.AsNoTracking().SingleOrDefaultAsync(i => i.Id == instanceId, cancellationToken);
        return instance is null ? null : await ViewAsync(instance, cancellationToken);
    }

    public async Task<WorkflowInstanceView?> FindAsync(string type, string businessKey, CancellationToken cancellationToken)
    {
        var instance = await Instances.AsNoTracking().SingleOrDefaultAsync(i => i.Type == type && i.BusinessKey == businessKey, cancellationToken);
        return instance is null ? null : await ViewAsync(instance, cancellationToken);
    }

    public async Task<(IReadOnlyList<WorkflowInstanceSummary> Items, int Total)> ListAsync(
        WorkflowFilter filter, int offset, int limit, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var query = Instances.AsNoTracking()
            .Where(i => (filter.Type == null || i.Type == filter.Type) && (filter.Status == null || i.Status == filter.Status)
                && (filter.Tenant == null || i.Tenant == filter.Tenant));
        if (filter.MinAge is { } minAge)
        {
            var before = now - (long)minAge.TotalMilliseconds;
            query = query.Where(i => i.CreatedAt <= before);
        }
        if (filter.MaxAge is { } maxAge)
        {
            var after = now - (long)maxAge.TotalMilliseconds;
            query = query.Where(i => i.CreatedAt >= after);
        }
        var total = await query.CountAsync(cancellationToken);
        var page = await query.OrderByDescending(i => i.CreatedAt).ThenBy(i => i.Id).Skip(offset).Take(limit).ToListAsync(cancellationToken);
        return (page.Select(Summary).ToList(), total);
    }

    public async Task<IReadOnlyList<StalledInstance>> ListStalledAsync(string? type, int limit, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var shortest = settings.StepSla.Values.SelectMany(s => s.Values).Append(settings.DefaultStepSla).Min();
        var since = now.ToUnixTimeMilliseconds() - (long)shortest.TotalMilliseconds;
        var candidates = await Instances.AsNoTracking()
            .Where(i => (type == null || i.Type == type) && i.Status != WorkflowStatus.Completed && i.Status != WorkflowStatus.Compensated
                && i.Status != WorkflowStatus.Cancelled && (i.StepStartedAt <= since || i.Status == WorkflowStatus.CompensationFailed))
            .OrderBy(i => i.StepStartedAt).Take(10_000).ToListAsync(cancellationToken);
        var stalled = new List<StalledInstance>();
        foreach (var instance in candidates)
        {
            var step = CurrentStep(instance) ?? "";
            var sla = settings.SlaOf(instance.Type, step);
            var elapsed = now - DateTimeOffset.FromUnixTimeMilliseconds(instance.StepStartedAt);
            if (elapsed > sla || instance.Status == WorkflowStatus.CompensationFailed)
            {
                stalled.Add(new StalledInstance(Summary(instance), step, sla, elapsed));
            }
            if (stalled.Count >= limit)
            {
                break;
            }
        }
        return stalled;
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyDictionary<WorkflowStatus, int>>> CountAsync(CancellationToken cancellationToken)
    {
        var counts = await Instances.AsNoTracking().GroupBy(i => new { i.Type, i.Status })
            .Select(g => new { g.Key.Type, g.Key.Status, Count = g.Count() }).ToListAsync(cancellationToken);
        return counts.GroupBy(c => c.Type).ToDictionary(
            g => g.Key, g => (IReadOnlyDictionary<WorkflowStatus, int>)g.ToDictionary(c => c.Status, c => c.Count));
    }

    public async Task<(IReadOnlyList<WorkflowInstanceView> Items, int Total)> ListViewsAsync(
        WorkflowFilter filter, int offset, int limit, CancellationToken cancellationToken)
    {
        var (page, total) = await ListAsync(filter, offset, limit, cancellationToken);
        var ids = page.Select(p => p.Id).ToList();
        // Three queries for the whole page, not three per instance.
        var instances = await Instances.AsNoTracking().Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, cancellationToken);
        var steps = (await db.Set<WorkflowStepRecord>().AsNoTracking().Where(s => ids.Contains(s.InstanceId)).ToListAsync(cancellationToken))
            .ToLookup(s => s.InstanceId);
        var history = (await db.Set<WorkflowHistoryRecord>().AsNoTracking().Where(h => ids.Contains(h.InstanceId)).OrderBy(h => h.Id)
            .ToListAsync(cancellationToken)).ToLookup(h => h.InstanceId);
        var views = ids.Where(instances.ContainsKey).Select(id => View(instances[id], [.. steps[id]], [.. history[id]])).ToList();
        return (views, total);
    }

    private async Task<WorkflowInstanceView> ViewAsync(WorkflowInstance i, CancellationToken cancellationToken)
    {
        var steps = await db.Set<WorkflowStepRecord>().AsNoTracking().Where(s => s.InstanceId == i.Id).ToListAsync(cancellationToken);
        var history = await db.Set<WorkflowHistoryRecord>().AsNoTracking().Where(h => h.InstanceId == i.Id).OrderBy(h => h.Id).ToListAsync(cancellationToken);
        return View(i, steps, history);
    }

    private WorkflowInstanceView View(WorkflowInstance i, List<WorkflowStepRecord> steps, List<WorkflowHistoryRecord> history)
    {
        // Forward steps in declared order (those not reached yet as Pending), then the compensations in the order they ran.
        var names = StepNames(i.Type);
        var forward = names.Select((name, index) => steps.Find(s => s.Phase == StepPhase.Forward && s.Sequence == index) is { } s
            ? StepView(s)
            : new WorkflowStepView(name, StepPhase.Forward, StepStatus.Pending, 0, null, null, null, null, null));
        var compensations = steps.Where(s => s.Phase == StepPhase.Compensation).OrderByDescending(s => s.Sequence).Select(StepView);
        return new WorkflowInstanceView(
            i.Id, i.Type, i.Tenant, i.BusinessKey, i.Status, CurrentStep(i), i.Reason, i.Error, i.Cause, i.WaitingFor, Time(i.WaitDeadline), Time(i.NextRunAt),
            i.CancelRequested, i.CreatedBy, i.CorrelationId, Time(i.CreatedAt), Time(i.UpdatedAt), Time(i.StepStartedAt), Time(i.EndedAt),
            JsonDocument.Parse(i.State).RootElement.Clone(), [.. forward, .. compensations],
            history.Select(h => new WorkflowHistoryView(h.Kind, h.Actor, h.Detail, Time(h.At))).ToList());
    }

    private static WorkflowStepView StepView(WorkflowStepRecord s) =>
        new(s.Name, s.Phase, s.Status, s.Attempts, s.Detail, s.Error, Time(s.StartedAt), Time(s.CompletedAt), Time(s.NextAttemptAt), s.Runner);

    private WorkflowInstanceSummary Summary(WorkflowInstance i) => new(
        i.Id, i.Type, i.Tenant, i.BusinessKey, i.Status, CurrentStep(i), i.Reason, i.Error, Time(i.CreatedAt), Time(i.UpdatedAt), Time(i.StepStartedAt));

    private string? CurrentStep(WorkflowInstance i)
    {
        var names = StepNames(i.Type);
        return i.Status is WorkflowStatus.Completed or WorkflowStatus.Compensated or WorkflowStatus.Cancelled || i.StepIndex < 0 || i.StepIndex >= names.Count
            ? null
            : names[i.StepIndex];
    }

    private IReadOnlyList<string> StepNames(string type) =>
        services.GetRequiredService<Configuration.WorkflowRegistry>().Executors.TryGetValue(type, out var executor)
            ? ((IWorkflowExecutor)services.GetRequiredService(executor)).StepNames(services)
            : [];

    private static DateTimeOffset Time(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    private static DateTimeOffset? Time(long? ms) => ms is { } value ? DateTimeOffset.FromUnixTimeMilliseconds(value) : null;
}
