namespace ApiPlatform.SystemApis.Erp.Connectors.Sap;

/// <summary>
/// Writes OData system query options as <c>$filter</c>, not <c>%24filter</c>: Refit escapes the <c>$</c> of a query key,
/// and SAP Gateway reads the options by their literal names.
/// </summary>
internal sealed class ODataQueryOptionsHandler : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { Query.Length: > 1 } uri && uri.Query.Contains("%24", StringComparison.Ordinal))
        {
            var query = uri.Query.Replace("?%24", "?$", StringComparison.Ordinal).Replace("&%24", "&$", StringComparison.Ordinal);
            request.RequestUri = new UriBuilder(uri) { Query = query[1..] }.Uri;
        }
        return base.SendAsync(request, cancellationToken);
    }
}
