namespace ApiPlatform.Workflows;

/// <summary>
/// A durable workflow: a plain class that declares its steps in order, each with its compensation. Its state is a
/// JSON-serializable record saved with the instance after every step, so a step must not keep anything in fields.
/// The class is resolved per run from the service's container, so it takes its clients by constructor.
/// </summary>
public interface IWorkflow<TState> where TState : class
{
    /// <summary>The workflow type's wire name, e.g. <c>quote-to-cash.order</c>. Never rename it: stored instances carry it.</summary>
    static abstract string Name { get; }

    /// <summary>The steps in order. Names are stable: the journal and the idempotency keys use them.</summary>
    IReadOnlyList<WorkflowStep<TState>> Steps { get; }

    /// <summary>
    /// Called in the transaction of every transition, before it commits: publish integration events here through the
    /// service's outbox, so an event leaves if and only if the transition is saved.
    /// </summary>
    void OnTransition(WorkflowTransition<TState> transition)
    {
    }
}
