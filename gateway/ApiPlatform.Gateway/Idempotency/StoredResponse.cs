namespace ApiPlatform.Gateway.Idempotency;

/// <summary>The first response to an idempotency key, as replayed to every repeat of the request.</summary>
internal sealed record StoredResponse(int Status, Dictionary<string, string[]> Headers, byte[] Body);
