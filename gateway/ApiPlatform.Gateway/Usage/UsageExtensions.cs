using ApiPlatform.Gateway.Slo;
using ApiPlatform.ServiceDefaults.Health;
using StackExchange.Redis;

namespace ApiPlatform.Gateway.Usage;

internal static class UsageExtensions
{
    /// <summary>
    /// Consumer usage and SLO measurements (requests, server errors, latency per minute) per API version and per consumer, kept in Redis
    /// (<c>ConnectionStrings:redis</c>) so every replica adds to the same counts. Without Redis the gateway refuses to start, except in Development where it counts in memory.
    /// </summary>
    public static void AddConsumerUsage(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var health = services.AddHealthChecks();
        var connectionString = builder.Configuration.GetConnectionString("redis");
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            var options = ConfigurationOptions.Parse(connectionString);
            options.AbortOnConnectFail = false;
            options.ConnectTimeout = 2000;
            options.AsyncTimeout = 1000;
            options.SyncTimeout = 1000;
            services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(options));
            services.AddSingleton<IUsageStore, RedisUsageStore>();
            services.AddSingleton<ISloStore, RedisSloStore>();
            services.AddSingleton<IConsumerSloStore, RedisConsumerSloStore>();
            health.AddCheck<RedisHealthCheck>("redis", tags: [HealthExtensions.ReadyTag]);
        }
        else if (!builder.Environment.IsDevelopment())
        {
            throw new InvalidOperationException("Configuration 'ConnectionStrings:redis' is required outside Development: replicas share consumer usage through Redis.");
        }
        else
        {
            services.AddSingleton<IUsageStore, InMemoryUsageStore>();
            services.AddSingleton<ISloStore, InMemorySloStore>();
            services.AddSingleton<IConsumerSloStore, InMemoryConsumerSloStore>();
        }

        services.AddSingleton<UsageRecorder>();
        services.AddSingleton<UsageStoreHealth>();
        health.AddCheck<UsageStoreHealth>("consumer-usage", tags: [HealthExtensions.ReadyTag]);
        services.AddHostedService<UsageFlusher>();
        services.AddSingleton<SloRecorder>();
        services.AddHostedService<SloFlusher>();
        services.AddSingleton<ConsumerSloRecorder>();
        services.AddHostedService<ConsumerSloFlusher>();
    }
}
