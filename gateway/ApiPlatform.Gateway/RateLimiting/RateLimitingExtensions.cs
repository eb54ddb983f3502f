using ApiPlatform.ServiceDefaults.Health;

namespace ApiPlatform.Gateway.RateLimiting;

internal static class RateLimitingExtensions
{
    /// <summary>The shared limiter: buckets in Redis when <c>ConnectionStrings:redis</c> is set, else in memory.</summary>
    public static void AddGatewayRateLimiting(this WebApplicationBuilder builder, bool redis)
    {
        var services = builder.Services;
        services.AddOptions<RateLimitingOptions>()
            .BindConfiguration(RateLimitingOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        if (redis)
        {
            services.AddSingleton<IRateLimitStore, RedisRateLimitStore>();
            services.AddHostedService<RedisScriptWarmup>();
        }
        else
        {
            services.AddSingleton<IRateLimitStore, InMemoryRateLimitStore>();
        }

        services.AddSingleton<ClientPlans>();
        services.AddSingleton<SharedLimitState>();
        services.AddSingleton<GatewayRateLimiter>();
        services.AddHostedService<BucketSweeper>();
        services.AddHealthChecks().AddCheck<RateLimitHealthCheck>("rate-limits", tags: [HealthExtensions.ReadyTag]);
    }
}
