using WireMock.Server;

namespace ApiPlatform.Testing;

/// <summary>What a WireMock stand-in of a system of record received, in the order it came.</summary>
public static class WireMockLog
{
    public static List<LoggedRequest> Requests(this WireMockServer server) => server.LogEntries
        .Select(e => e.RequestMessage)
        .Select(r => new LoggedRequest(
            r?.Method ?? "", r?.Path ?? "", r?.Body,
            r?.Headers is { } headers && headers.TryGetValue("Authorization", out var values) ? values.FirstOrDefault() : null))
        .ToList();
}

public sealed record LoggedRequest(string Method, string Path, string? Body, string? Authorization);
