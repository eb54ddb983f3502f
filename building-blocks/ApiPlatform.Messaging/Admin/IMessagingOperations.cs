namespace ApiPlatform.Messaging.Admin;

/// <summary>What operators do with a service's messaging: inspect and resolve dead letters, read the figures.</summary>
public interface IMessagingOperations
{
    Task<IReadOnlyList<DeadLetterSummary>> ListDeadLettersAsync(DeadLetterFilter filter, int offset, int limit, CancellationToken cancellationToken);

    Task<DeadLetterDetail?> GetDeadLetterAsync(long id, CancellationToken cancellationToken);

    /// <summary>
    /// Asks the group's worker to apply the event again; a request for a dead letter already requested or replayed
    /// changes nothing, and the inbox keeps an event from taking effect twice. Null when there is no such dead letter.
    /// </summary>
    Task<DeadLetterDetail?> ReplayAsync(long id, CancellationToken cancellationToken);

    /// <summary>Requests the replay of every open dead letter that matches; returns how many were requested.</summary>
    Task<int> ReplayAsync(DeadLetterFilter filter, CancellationToken cancellationToken);

    /// <summary>Closes an open dead letter without applying it. Null when there is no such dead letter.</summary>
    Task<DeadLetterDetail?> DiscardAsync(long id, string reason, CancellationToken cancellationToken);

    Task<MessagingStatus> GetStatusAsync(CancellationToken cancellationToken);
}
