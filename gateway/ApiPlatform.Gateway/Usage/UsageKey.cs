namespace ApiPlatform.Gateway.Usage;

/// <summary>Who called which API version.</summary>
internal readonly record struct UsageKey(string Api, int Major, string ClientId);
