namespace ApiPlatform.Gateway.Edge;

/// <summary>The token server's discovery document and signing keys (<c>/.well-known/*</c>): anonymous and not limited.</summary>
internal sealed class DiscoveryRoute(long bodyLimitBytes) : EdgeRoute
{
    public override string? Api => null;

    public override string Upstream => "token server";

    public override long BodyLimitBytes { get; } = bodyLimitBytes;

    public override string BodyLimitSubject => "token server's discovery endpoint";
}
