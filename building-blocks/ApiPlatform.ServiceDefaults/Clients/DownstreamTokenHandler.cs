using System.Net.Http.Headers;
using ApiPlatform.ServiceDefaults.Telemetry;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace ApiPlatform.ServiceDefaults.Clients;

/// <summary>Adds the downstream token (exchanged for the caller, or the service's own) and the correlation id.</summary>
internal sealed class DownstreamTokenHandler(TokenClient tokens, IHttpContextAccessor accessor, string scope) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var context = accessor.HttpContext;
        var inbound = InboundToken(context);
        var token = inbound is null
            ? await tokens.GetClientCredentialsTokenAsync(scope, cancellationToken)
            : await tokens.ExchangeAsync(inbound, scope, cancellationToken);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        if (Correlation.Get(context) is { } correlationId)
        {
            request.Headers.TryAddWithoutValidation(Correlation.HeaderName, correlationId);
        }
        return await base.SendAsync(request, cancellationToken);
    }

    private static string? InboundToken(HttpContext? context)
    {
        var header = context?.Request.Headers[HeaderNames.Authorization].ToString();
        return header is not null && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }
}
