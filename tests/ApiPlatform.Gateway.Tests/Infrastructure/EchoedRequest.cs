namespace ApiPlatform.Gateway.Tests.Infrastructure;

/// <summary>
/// What the test backend received: method, raw target (path and query), headers and body, with the backend's running
/// count of requests (so a replayed response is told apart from a second execution).
/// </summary>
public sealed record EchoedRequest(string Method, string Target, Dictionary<string, string> Headers, string Body = "", long Sequence = 0)
{
    public string? Header(string name) =>
        Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}
