namespace ApiPlatform.ServiceDefaults.Auth;

/// <summary>
/// The token server advertises its endpoints under the public issuer (the gateway). Services fetch discovery and
/// keys from the token server directly instead, so their validation does not depend on the gateway being up.
/// </summary>
internal sealed class IssuerRewriteHandler(Uri issuer, Uri authority) : DelegatingHandler(new SocketsHttpHandler())
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { } uri && issuer.IsBaseOf(uri) && issuer != authority)
        {
            request.RequestUri = new Uri(authority, issuer.MakeRelativeUri(uri));
        }
        return base.SendAsync(request, cancellationToken);
    }
}
