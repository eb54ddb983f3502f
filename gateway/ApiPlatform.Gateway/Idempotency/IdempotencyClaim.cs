namespace ApiPlatform.Gateway.Idempotency;

internal enum IdempotencyOutcome
{
    /// <summary>The key was free: this request runs and its response will be stored.</summary>
    Acquired,

    /// <summary>A request with this key is still running.</summary>
    InFlight,

    /// <summary>The key was used for another request (other method, path or body).</summary>
    Mismatch,

    /// <summary>The key's request completed: replay <see cref="IdempotencyClaim.Response"/>.</summary>
    Completed,
}

/// <summary>What the store says about a key when a request asks to run under it.</summary>
internal readonly record struct IdempotencyClaim(IdempotencyOutcome Outcome, StoredResponse? Response = null);
