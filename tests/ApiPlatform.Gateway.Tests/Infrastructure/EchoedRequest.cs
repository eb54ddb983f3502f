namespace ApiPlatform.Gateway.Tests.Infrastructure;

/// <summary>What the test backend received: method, raw target (path and query) and headers.</summary>
public sealed record EchoedRequest(string Method, string Target, Dictionary<string, string> Headers)
{
    public string? Header(string name) =>
        Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}
