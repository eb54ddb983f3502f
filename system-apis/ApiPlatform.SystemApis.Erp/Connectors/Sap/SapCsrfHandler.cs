using System.Net;
using ApiPlatform.VendorConnectors.Http;
using ApiPlatform.VendorConnectors.Upstream;

namespace ApiPlatform.SystemApis.Erp.Connectors.Sap;

/// <summary>
/// SAP Gateway refuses writes without a CSRF token of the caller's session: before a write, fetch one
/// (<c>x-csrf-token: Fetch</c> on the service root) with its session cookies; when SAP answers 403 with
/// <c>x-csrf-token: Required</c> (the token expired), fetch a new one and send the write once more.
/// </summary>
internal sealed class SapCsrfHandler : DelegatingHandler
{
    private const string Header = "x-csrf-token";
    private const string ServicePrefix = "/sap/opu/odata/sap/";
    private readonly SemaphoreSlim gate = new(1, 1);
    private (string Token, string? Cookies)? session;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method == HttpMethod.Get || request.Method == HttpMethod.Head)
        {
            return await base.SendAsync(request, cancellationToken);
        }

        using var retry = await RequestCopy.CloneAsync(request, cancellationToken);
        var current = session ?? await FetchAsync(request, null, cancellationToken);
        var response = await base.SendAsync(WithSession(request, current), cancellationToken);
        if (response.StatusCode != HttpStatusCode.Forbidden
            || !response.Headers.TryGetValues(Header, out var values) || !values.Contains("Required", StringComparer.OrdinalIgnoreCase))
        {
            return response;
        }

        response.Dispose();
        return await base.SendAsync(WithSession(retry, await FetchAsync(request, current, cancellationToken)), cancellationToken);
    }

    private async Task<(string Token, string? Cookies)> FetchAsync(HttpRequestMessage write, (string, string?)? stale, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (session is { } fresh && !fresh.Equals(stale))
            {
                return fresh;
            }

            using var fetch = new HttpRequestMessage(HttpMethod.Head, ServiceRoot(write.RequestUri!));
            fetch.Headers.Authorization = write.Headers.Authorization;
            fetch.Headers.TryAddWithoutValidation(Header, "Fetch");
            using var response = await base.SendAsync(fetch, cancellationToken);
            var token = response.Headers.TryGetValues(Header, out var tokens) ? tokens.FirstOrDefault() : null;
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                throw UpstreamProblems.Refused(SapErpConnector.SystemName, "sap refused the communication user's credentials.");
            }
            if (!response.IsSuccessStatusCode || string.IsNullOrEmpty(token) || token.Length > 256)
            {
                throw UpstreamProblems.BadAnswer(SapErpConnector.SystemName, $"no CSRF token to a token fetch ({(int)response.StatusCode})");
            }

            var cookies = response.Headers.TryGetValues("Set-Cookie", out var set) ? string.Join("; ", set.Select(c => c.Split(';')[0])) : null;
            session = (token, cookies);
            return session.Value;
        }
        finally
        {
            gate.Release();
        }
    }

    private static HttpRequestMessage WithSession(HttpRequestMessage request, (string Token, string? Cookies) current)
    {
        request.Headers.Remove(Header);
        request.Headers.TryAddWithoutValidation(Header, current.Token);
        if (current.Cookies is not null)
        {
            request.Headers.Remove("Cookie");
            request.Headers.TryAddWithoutValidation("Cookie", current.Cookies);
        }
        return request;
    }

    private static Uri ServiceRoot(Uri uri)
    {
        var path = uri.AbsolutePath;
        var start = path.IndexOf(ServicePrefix, StringComparison.Ordinal);
        var end = start < 0 ? -1 : path.IndexOf('/', start + ServicePrefix.Length);
        return new Uri(uri, end < 0 ? path : path[..(end + 1)]);
    }
}
