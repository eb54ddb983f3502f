using ApiPlatform.Workflows.Tests.Infrastructure;
using ApiPlatform.Workflows.Tests.SystemOfRecord;
using ApiPlatform.Workflows.Tests.TestWorkflows;
using Xunit.Abstractions;

namespace ApiPlatform.Workflows.Tests.Proofs;

/// <summary>
/// A runner process is killed by its PID at random moments 20 times, and restarted each time, while it runs 48 (or 60) instances
/// against a system of record in the test process: every instance ends, and each step's (or compensation's) effect
/// exists exactly once, though the system saw requests replayed with the same key by the runner that took over.
/// </summary>
[Collection(ProofCollection.Name)]
public sealed class RunnerCrashProof(ITestOutputHelper output)
{
    private const int Instances = 48;

    // Compensation runs after three quick forward steps: more instances and slower undos keep it going through all the kills.
    private const int CompensatedInstances = 60;
    private const int Kills = 20;

    [SkippableTheory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task A_runner_killed_during_forward_steps_completes_every_instance_with_one_effect_per_step(string provider)
    {
        await using var environment = await CrashEnvironment.CreateAsync(provider);
        environment.System.DelayMilliseconds = (30, 120);
        var ids = await environment.StartOrdersAsync(Instances);

        var (killsInFlight, finishing) = await KillAndFinishAsync(environment, RecordStore.Do);

        var views = await environment.ViewsAsync(ids);
        var documents = environment.System.Documents.ToList();
        var perStep = documents.GroupBy(d => (d.InstanceId, d.Step)).ToList();
        var replays = documents.Sum(d => d.Requests - 1);
        var transitions = await environment.TransitionsAsync();
        var badTransitions = ids.Count(id => !transitions[id].SequenceEqual(
            ["Started", .. OrderWorkflow.StepNames.Select(s => $"StepCompleted:{s}"), "Completed"]));
        var attempts = views.SelectMany(v => v.Steps).Sum(s => s.Attempts);
        ProofFigures.Report(output, "runner killed during forward steps", environment.Database.Name,
            ("instances", Instances), ("kills", Kills), ("kills with a request in flight", killsInFlight), ("completed", views.Count(v => v.Status == WorkflowStatus.Completed)),
            ("stuck", views.Count(v => !v.Status.IsTerminal())), ("documents", documents.Count), ("(instance, step) pairs with more than one document", perStep.Count(g => g.Count() > 1)),
            ("requests replayed with the same key", replays), ("step attempts journalled", attempts), ("instances with missing or repeated transition events", badTransitions),
            ("last run finished in", finishing));

        Assert.All(views, v => Assert.Equal(WorkflowStatus.Completed, v.Status));
        Assert.Equal(Instances * OrderWorkflow.StepNames.Length, perStep.Count);
        Assert.All(perStep, g => Assert.Single(g));
        Assert.All(views, v => Assert.All(v.Steps, s => Assert.Equal(StepStatus.Succeeded, s.Status)));
        Assert.Equal(0, badTransitions);
        Assert.True(replays > 0, "no kill landed between a step's effect and its journal entry");
    }

    [SkippableTheory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task A_runner_killed_during_compensation_compensates_every_instance_once_per_step(string provider)
    {
        await using var environment = await CrashEnvironment.CreateAsync(provider);
        environment.System.DelayMilliseconds = (5, 20);
        environment.System.UndoDelayMilliseconds = (60, 200);
        environment.System.Fail(RecordStore.Do, "notify", Fault.Refusal("The customer cannot be notified."));
        var ids = await environment.StartOrdersAsync(CompensatedInstances);

        var (killsInFlight, finishing) = await KillAndFinishAsync(environment, RecordStore.Undo);

        var views = await environment.ViewsAsync(ids);
        var undone = OrderWorkflow.StepNames[..3];
        var undos = environment.System.Undos.ToList();
        var perStep = undos.GroupBy(d => (d.InstanceId, d.Step)).ToList();
        var replays = undos.Sum(d => d.Requests - 1);
        var wrongOrder = ids.Count(id => !environment.System.UndoneStepsOf(id).SequenceEqual(undone.Reverse()));
        var orphans = environment.System.Requests.Count(r => r is { Kind: RecordStore.Undo, Status: 409 } || r is { Kind: RecordStore.Undo, Step: "notify" });
        ProofFigures.Report(output, "runner killed during compensation", environment.Database.Name,
            ("instances", CompensatedInstances), ("kills", Kills), ("kills with a request in flight", killsInFlight),
            ("compensated", views.Count(v => v.Status == WorkflowStatus.Compensated)), ("stuck", views.Count(v => !v.Status.IsTerminal())),
            ("undos", undos.Count), ("(instance, step) pairs undone more than once", perStep.Count(g => g.Count() > 1)),
            ("undo requests replayed with the same key", replays), ("instances undone out of reverse order", wrongOrder),
            ("undos of steps that did not succeed", orphans), ("last run finished in", finishing));

        Assert.All(views, v => Assert.Equal((WorkflowStatus.Compensated, CompensationCause.Refused, "The customer cannot be notified."), (v.Status, v.Cause, v.Reason)));
        Assert.Equal(CompensatedInstances * undone.Length, perStep.Count);
        Assert.All(perStep, g => Assert.Single(g));
        Assert.Equal(CompensatedInstances * undone.Length, environment.System.Documents.Count);
        Assert.Equal(0, wrongOrder);
        Assert.Equal(0, orphans);
        Assert.True(replays > 0, "no kill landed between a compensation's effect and its journal entry");
    }

    /// <summary>
    /// Kills a runner 20 times at a random moment (0-400 ms) after it sent its first request of the kind watched (step or undo), and starts the next one;
    /// each replacement is started and warmed up while its predecessor runs, so the proof spends its time on work, not
    /// on process start-up. Then lets the last runner finish.
    /// </summary>
    private static async Task<(int KillsInFlight, TimeSpan Finishing)> KillAndFinishAsync(CrashEnvironment environment, string kind)
    {
        var random = new Random(20);
        var killsInFlight = 0;
        var next = environment.StartWarmRunnerAsync();
        for (var kill = 0; kill < Kills; kill++)
        {
            using var runner = await next;
            var seen = environment.System.Requests.Count(r => r.Kind == kind);
            await CrashEnvironment.GoAsync(runner);
            next = environment.StartWarmRunnerAsync();
            await Waiting.UntilAsync(() => Task.FromResult(environment.System.Requests.Count(r => r.Kind == kind) > seen), TimeSpan.FromSeconds(10), 5);
            await Task.Delay(random.Next(0, 400));
            killsInFlight += environment.System.InFlight > 0 ? 1 : 0;
            runner.Kill();
        }

        var started = DateTime.UtcNow;
        using var last = await next;
        await CrashEnvironment.GoAsync(last);
        Assert.True(await Waiting.UntilAsync(async () => await environment.UnfinishedAsync() == 0, TimeSpan.FromSeconds(120), 100),
            $"{await environment.UnfinishedAsync()} instances did not end");
        return (killsInFlight, DateTime.UtcNow - started);
    }
}
