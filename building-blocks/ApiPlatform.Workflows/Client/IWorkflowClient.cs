namespace ApiPlatform.Workflows;

/// <summary>Starts, signals, cancels, retries and reads workflow instances of this service (scoped: it uses the service's DbContext).</summary>
public interface IWorkflowClient
{
    /// <summary>
    /// Starts an instance (saved at once, run by the background runner). With a <paramref name="businessKey"/>, at most
    /// one instance of the type exists per key: a second start answers the existing one.
    /// </summary>
    Task<WorkflowStart> StartAsync<TWorkflow, TState>(
        string instanceId, string? tenant, string? businessKey, TState state, string? actor, CancellationToken cancellationToken)
        where TWorkflow : IWorkflow<TState>
        where TState : class;

    Task<WorkflowInstanceView?> GetAsync(string instanceId, CancellationToken cancellationToken);

    Task<WorkflowInstanceView?> FindAsync(string type, string businessKey, CancellationToken cancellationToken);

    Task<(IReadOnlyList<WorkflowInstanceSummary> Items, int Total)> ListAsync(WorkflowFilter filter, int offset, int limit, CancellationToken cancellationToken);

    /// <summary>A page of instances, each with its journal and history (as <see cref="GetAsync"/> answers one).</summary>
    Task<(IReadOnlyList<WorkflowInstanceView> Items, int Total)> ListViewsAsync(WorkflowFilter filter, int offset, int limit, CancellationToken cancellationToken);

    Task<IReadOnlyList<StalledInstance>> ListStalledAsync(string? type, int limit, CancellationToken cancellationToken);

    Task<IReadOnlyDictionary<string, IReadOnlyDictionary<WorkflowStatus, int>>> CountAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Delivers <paramref name="signal"/> to an instance waiting for it. Conflict when it does not wait for that signal,
    /// already has one, or its deadline has passed (a late decision changes nothing).
    /// </summary>
    Task<CommandResult> SignalAsync(string instanceId, string signal, object? payload, string? actor, CancellationToken cancellationToken);

    /// <summary>Cancels a running or waiting instance: its completed steps are compensated. Conflict once it has ended.</summary>
    Task<CommandResult> CancelAsync(string instanceId, string reason, string? actor, CancellationToken cancellationToken);

    /// <summary>
    /// Retries an instance that needs an operator: a <c>CompensationFailed</c> one compensates again with a fresh budget;
    /// one waiting for a retry's due time runs now.
    /// </summary>
    Task<CommandResult> RetryAsync(string instanceId, string? actor, CancellationToken cancellationToken);

    /// <summary>
    /// Records something that happened to an instance's business from outside its steps (a shipment, a payment):
    /// <paramref name="apply"/> changes the state and answers the milestone's name, or null when there was nothing to
    /// change (a duplicate). The milestone is kept in the history and handed to the workflow's transitions.
    /// </summary>
    Task<CommandResult> RecordAsync<TWorkflow, TState>(string instanceId, Func<TState, string?> apply, string? actor, CancellationToken cancellationToken)
        where TWorkflow : IWorkflow<TState>
        where TState : class;

    /// <summary>
    /// As <see cref="RecordAsync{TWorkflow,TState}(string, Func{TState, string?}, string?, CancellationToken)"/>; when the
    /// instance waits for <paramref name="signal"/>, the milestone is also delivered to it as that signal (its name as the
    /// payload), so the waiting step runs again and sees the changed state. Records wait for a running step to end, so
    /// a step that decides to wait has always seen every milestone recorded before it.
    /// </summary>
    Task<CommandResult> RecordAsync<TWorkflow, TState>(
        string instanceId, Func<TState, string?> apply, string? actor, string? signal, CancellationToken cancellationToken)
        where TWorkflow : IWorkflow<TState>
        where TState : class;
}
