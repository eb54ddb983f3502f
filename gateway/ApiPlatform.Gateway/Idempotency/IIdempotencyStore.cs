namespace ApiPlatform.Gateway.Idempotency;

/// <summary>Idempotency records shared by every replica, one per client, API and key.</summary>
internal interface IIdempotencyStore
{
    /// <summary>Claims the key for a request with <paramref name="fingerprint"/>, or tells why it cannot run.</summary>
    Task<IdempotencyClaim> TryBeginAsync(string key, string fingerprint, string owner, TimeSpan inFlightLifetime);

    /// <summary>Stores the response of the request that holds the key.</summary>
    Task CompleteAsync(string key, string owner, StoredResponse response, TimeSpan lifetime);

    /// <summary>Frees the key of a request whose outcome must not be replayed, so the caller may retry.</summary>
    Task ReleaseAsync(string key, string owner);
}
