using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;

namespace ApiPlatform.SystemApis.Erp.Connectors.Sap;

/// <summary>The communication user of the communication arrangement, by HTTP basic authentication.</summary>
internal sealed class SapAuthHandler(IOptions<SapOptions> options) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.Value.Username}:{options.Value.Password}"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", credentials);
        return base.SendAsync(request, cancellationToken);
    }
}
