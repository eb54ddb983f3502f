namespace ApiPlatform.VendorConnectors.Http;

/// <summary>Copies of a request, for handlers that must send it again (a fresh token, a fresh CSRF token).</summary>
public static class RequestCopy
{
    public static async Task<HttpRequestMessage> CloneAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var copy = new HttpRequestMessage(request.Method, request.RequestUri) { Version = request.Version };
        foreach (var header in request.Headers)
        {
            copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
        foreach (var option in request.Options)
        {
            copy.Options.Set(new HttpRequestOptionsKey<object?>(option.Key), option.Value);
        }
        if (request.Content is not null)
        {
            copy.Content = await ContentAsync(request.Content, cancellationToken);
        }
        return copy;
    }

    internal static async Task<HttpContent> ContentAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var bytes = await content.ReadAsByteArrayAsync(cancellationToken);
        var copy = new ByteArrayContent(bytes);
        foreach (var header in content.Headers)
        {
            copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
        return copy;
    }
}
