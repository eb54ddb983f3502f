namespace ApiPlatform.Contracts;

/// <summary>The HTTP header names the platform's contracts define, one constant each, for clients, services and the gateway.</summary>
public static class PlatformHeaders
{
    /// <summary>
    /// The client's key for a write it may repeat (IETF draft "The Idempotency-Key HTTP Header Field"): the gateway
    /// requires it where the catalog says so, and system APIs answer a repeat with the first write's result.
    /// </summary>
    public const string IdempotencyKey = "Idempotency-Key";
}
