using System.Text.Json;
using ApiPlatform.Contracts;
using ApiPlatform.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http.Resilience;
using Refit;

namespace ApiPlatform.ServiceDefaults.Clients;

public static class ApiClientExtensions
{
    /// <summary>
    /// Registers a Refit client for another tier's API at <c>Downstream:{api}</c>, with the token handler
    /// (scope <c>{tier}:{api}</c>), the correlation id and the standard resilience handler, retrying by
    /// <see cref="RetrySafety"/>.
    /// </summary>
    public static IHttpClientBuilder AddApiClient<TClient>(this IHostApplicationBuilder builder, string tier, string api)
        where TClient : class
    {
        var key = $"Downstream:{api}";
        var baseAddress = builder.Configuration[key];
        if (!Uri.TryCreate(baseAddress, UriKind.Absolute, out var baseUri))
        {
            throw new InvalidOperationException($"Configuration '{key}' must be the absolute URL of the {api} API (found '{baseAddress}').");
        }

        builder.Services.AddMemoryCache();
        // The token handler reads the caller's correlation id from the current request. Only services that call
        // others register the accessor: with it, ASP.NET Core no longer reuses HttpContext objects between requests.
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddHttpClient<TokenClient>();
        builder.Services.TryAddSingleton(TimeProvider.System);

        var settings = new RefitSettings(new SystemTextJsonContentSerializer(new JsonSerializerOptions(JsonSerializerDefaults.Web)));
        var client = builder.Services.AddRefitGeneratedClient<TClient>(settings)
            .ConfigureHttpClient(http => http.BaseAddress = baseUri)
            .AddHttpMessageHandler(services => new DownstreamTokenHandler(
                services.GetRequiredService<TokenClient>(),
                services.GetRequiredService<IHttpContextAccessor>(),
                $"{tier}:{api}"));
        client.AddStandardResilienceHandler(options => options.Retry.ShouldHandle = args => ValueTask.FromResult(RetrySafety.ShouldRetry(args.Outcome, args.Context)));
        return client;
    }
}
