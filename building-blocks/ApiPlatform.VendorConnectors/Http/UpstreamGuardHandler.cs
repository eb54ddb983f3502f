using System.Net;
using ApiPlatform.VendorConnectors.Telemetry;
using ApiPlatform.VendorConnectors.Upstream;

namespace ApiPlatform.VendorConnectors.Http;

/// <summary>
/// Never trusts the system of record's transport: follows a redirect only to the same scheme, host and port, and
/// reads at most <c>maxBytes</c> of an answer, so a hostile upstream can neither send us elsewhere nor exhaust memory.
/// </summary>
internal sealed class UpstreamGuardHandler(int maxBytes) : DelegatingHandler
{
    private const int MaxRedirects = 3;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        VendorOperation.Sent(request);
        var response = await base.SendAsync(request, cancellationToken);
        for (var hop = 0; IsRedirect(response.StatusCode) && hop < MaxRedirects; hop++)
        {
            var target = Target(request.RequestUri!, response);
            response.Dispose();
            var method = response.StatusCode is HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect ? request.Method : HttpMethod.Get;
            using var next = new HttpRequestMessage(method, target);
            foreach (var header in request.Headers)
            {
                next.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
            if (method == request.Method && request.Content is not null)
            {
                next.Content = await RequestCopy.ContentAsync(request.Content, cancellationToken);
            }
            response = await base.SendAsync(next, cancellationToken);
        }

        if (IsRedirect(response.StatusCode))
        {
            response.Dispose();
            throw new UpstreamContractException($"more than {MaxRedirects} redirects") { Transport = true };
        }
        return await Bounded(response, cancellationToken);
    }

    private static Uri Target(Uri origin, HttpResponseMessage response)
    {
        var location = response.Headers.Location ?? throw new UpstreamContractException("a redirect without a Location") { Transport = true };
        var target = location.IsAbsoluteUri ? location : new Uri(origin, location);
        return Uri.Compare(target, origin, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0
            ? target
            : throw new UpstreamContractException($"a redirect to another host ({target.Host})") { Transport = true };
    }

    private async Task<HttpResponseMessage> Bounded(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength > maxBytes)
        {
            response.Dispose();
            throw new UpstreamContractException($"an answer of {response.Content.Headers.ContentLength} bytes (limit {maxBytes})") { Transport = true };
        }

        try
        {
            await response.Content.LoadIntoBufferAsync(maxBytes, cancellationToken);
            return response;
        }
        catch (HttpRequestException) when (!cancellationToken.IsCancellationRequested)
        {
            response.Dispose();
            throw new UpstreamContractException($"an answer larger than {maxBytes} bytes") { Transport = true };
        }
    }

    private static bool IsRedirect(HttpStatusCode status) => (int)status is >= 300 and < 400 and not 304;
}
