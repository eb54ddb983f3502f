using ApiPlatform.ServiceDefaults.Health;

namespace ApiPlatform.Gateway.Lifecycle;

internal static class LifecycleExtensions
{
    /// <summary>Lifecycle overrides and their audit trail in Redis when <c>ConnectionStrings:redis</c> is set, else in memory.</summary>
    public static void AddGatewayLifecycleControl(this WebApplicationBuilder builder, bool redis)
    {
        var services = builder.Services;
        services.AddOptions<LifecycleOptions>()
            .BindConfiguration(LifecycleOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        if (redis)
        {
            services.AddSingleton<ILifecycleStore, RedisLifecycleStore>();
        }
        else
        {
            services.AddSingleton<ILifecycleStore, InMemoryLifecycleStore>();
        }

        services.AddSingleton<ApiLifecycleRegistry>();
        services.AddSingleton<LifecycleSync>();
        services.AddHostedService(provider => provider.GetRequiredService<LifecycleSync>());
        services.AddSingleton<LifecycleAdministration>();
        services.AddHealthChecks().AddCheck<LifecycleSyncHealthCheck>("lifecycle", tags: [HealthExtensions.ReadyTag]);
    }
}
