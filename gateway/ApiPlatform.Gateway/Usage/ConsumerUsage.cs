namespace ApiPlatform.Gateway.Usage;

/// <summary>One consumer of an API version: how many requests it made and when it was last seen.</summary>
public sealed record ConsumerUsage(string ClientId, long Requests, DateTimeOffset LastSeen);
