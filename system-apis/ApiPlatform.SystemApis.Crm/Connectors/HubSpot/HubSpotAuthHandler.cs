using System.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace ApiPlatform.SystemApis.Crm.Connectors.HubSpot;

/// <summary>A HubSpot private app authenticates every call with its static access token.</summary>
internal sealed class HubSpotAuthHandler(IOptions<HubSpotOptions> options) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Value.AccessToken);
        return base.SendAsync(request, cancellationToken);
    }
}
