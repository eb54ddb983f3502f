using System.Text.Json;
using System.Text.Json.Serialization;
using ApiPlatform.ServiceDefaults.Clients;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Refit;

namespace ApiPlatform.VendorConnectors.Http;

public static class VendorClientExtensions
{
    /// <summary>JSON as vendors write it: names as declared, numbers that may come as strings, no reflection surprises.</summary>
    public static readonly JsonSerializerOptions VendorJson = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>
    /// Registers a Refit client of a vendor system behind the guards every connector needs: no redirects to other hosts,
    /// bounded answers, per-attempt and total timeouts, and retries of throttled or failed calls (honouring a short
    /// Retry-After) only for calls <see cref="RetrySafety"/> calls safe to repeat.
    /// </summary>
    public static IHttpClientBuilder AddVendorClient<TClient>(
        this IServiceCollection services, string name, Func<IServiceProvider, VendorEndpointOptions> endpoint, JsonSerializerOptions? json = null)
        where TClient : class
    {
        var settings = new RefitSettings(new SystemTextJsonContentSerializer(json ?? VendorJson));
        var client = services.AddRefitGeneratedClient<TClient>(settings, name)
            .ConfigureHttpClient((provider, http) =>
            {
                http.BaseAddress = endpoint(provider).BaseUri;
                http.Timeout = Timeout.InfiniteTimeSpan;
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, UseProxy = false });
        client.AddResilienceHandler(name, (pipeline, context) =>
        {
            var options = endpoint(context.ServiceProvider);
            var time = context.ServiceProvider.GetService<TimeProvider>() ?? TimeProvider.System;
            pipeline.AddTimeout(TimeSpan.FromSeconds(options.TotalTimeoutSeconds));
            if (options.MaxRetries > 0)
            {
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = options.MaxRetries,
                    BackoffType = DelayBackoffType.Exponential,
                    Delay = TimeSpan.FromMilliseconds(200),
                    UseJitter = true,
                    ShouldRetryAfterHeader = true,
                    ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context, options, time)),
                });
            }
            pipeline.AddTimeout(TimeSpan.FromSeconds(options.AttemptTimeoutSeconds));
        });
        client.AddHttpMessageHandler(provider => new UpstreamGuardHandler(endpoint(provider).MaxResponseBytes));
        return client;
    }

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context, VendorEndpointOptions options, TimeProvider time)
    {
        if (!RetrySafety.ShouldRetry(outcome, context))
        {
            return false;
        }

        // A vendor that asks for a long pause is answered at once (503 with its Retry-After) instead of holding the caller.
        var retryAfter = outcome.Result?.Headers.RetryAfter;
        var wait = retryAfter?.Delta ?? (retryAfter?.Date - time.GetUtcNow());
        return wait is null || wait <= TimeSpan.FromSeconds(options.MaxRetryAfterSeconds);
    }
}
