using System.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace ApiPlatform.SystemApis.Finance.Connectors.Stripe;

/// <summary>The account's secret key as bearer token, and the pinned API version the payloads are read in.</summary>
internal sealed class StripeAuthHandler(IOptions<StripeOptions> options) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Value.SecretKey);
        request.Headers.TryAddWithoutValidation("Stripe-Version", options.Value.ApiVersion);
        return base.SendAsync(request, cancellationToken);
    }
}
