using System.Net;
using System.Net.Http.Headers;
using ApiPlatform.VendorConnectors.Http;

namespace ApiPlatform.SystemApis.Crm.Connectors.Salesforce;

/// <summary>Adds the org's bearer token; on a 401 (INVALID_SESSION_ID) fetches a new token and sends the request once more.</summary>
internal sealed class SalesforceTokenHandler(SalesforceTokenSource tokens) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var token = await tokens.GetAsync(cancellationToken);
        using var retry = await RequestCopy.CloneAsync(request, cancellationToken);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        response.Dispose();
        tokens.Invalidate(token);
        retry.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetAsync(cancellationToken));
        return await base.SendAsync(retry, cancellationToken);
    }
}
