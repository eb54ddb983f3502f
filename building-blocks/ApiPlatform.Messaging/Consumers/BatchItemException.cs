namespace ApiPlatform.Messaging.Consumers;

/// <summary>The handler of the event at <see cref="Index"/> failed, which rolled its whole batch back.</summary>
internal sealed class BatchItemException(int index, Exception inner) : Exception(inner.Message, inner)
{
    public int Index { get; } = index;
}
