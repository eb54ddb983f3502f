namespace ApiPlatform.Messaging.Consumers;

/// <summary>The event at <see cref="Index"/> rolled its whole batch back.</summary>
internal sealed class BatchItemException(int index, Exception inner, bool needsOwnTransaction) : Exception(inner.Message, inner)
{
    public int Index { get; } = index;

    /// <summary>
    /// A save of the event failed: in a batch nothing undoes a failed save's partial writes (batches save without
    /// savepoints), so the event is not a failure yet but has to be applied on its own, where a savepoint does.
    /// </summary>
    public bool NeedsOwnTransaction { get; } = needsOwnTransaction;
}
