using ApiPlatform.Messaging.Transports;
using ApiPlatform.Messaging.Transports.Embedded;
using ApiPlatform.Messaging.Transports.Redis;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ApiPlatform.Messaging.Configuration;

internal static class MessagingServiceExtensions
{
    public static void AddMessagingOptions(this IServiceCollection services)
    {
        services.AddOptions<MessagingOptions>()
            .BindConfiguration(MessagingOptions.Section)
            .PostConfigure<IConfiguration>((options, configuration) =>
            {
                options.Source ??= configuration["Service:Name"] is { Length: > 0 } name ? "/" + name : null;
                options.RedisConnectionString ??= configuration.GetConnectionString("redis");
                options.EmbeddedConnectionString ??= new SqliteConnectionStringBuilder
                {
                    DataSource = Path.Combine(Path.GetFullPath(configuration["Database:DataDirectory"] ?? ".data"), "messaging.db"),
                }.ToString();
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MessagingOptions>, MessagingOptionsValidator>());
    }

    /// <summary>The transport named by <c>Messaging:Transport</c>; Redis reuses the service's own connection if it has one.</summary>
    public static void AddMessagingTransport(this IServiceCollection services, IConfiguration configuration)
    {
        if (configuration[$"{MessagingOptions.Section}:Transport"] == MessagingOptions.RedisTransport)
        {
            services.TryAddSingleton<IConnectionMultiplexer>(provider =>
            {
                var redis = ConfigurationOptions.Parse(provider.GetRequiredService<IOptions<MessagingOptions>>().Value.RedisConnectionString!);
                redis.AbortOnConnectFail = false;
                return ConnectionMultiplexer.Connect(redis);
            });
            services.TryAddSingleton<IMessageTransport>(provider => new RedisStreamsTransport(
                provider.GetRequiredService<IConnectionMultiplexer>(),
                provider.GetRequiredService<IOptions<MessagingOptions>>().Value.RedisKeyPrefix,
                provider.GetRequiredService<TimeProvider>(),
                provider.GetService<ILogger<RedisStreamsTransport>>()));
            return;
        }
        services.TryAddSingleton<IMessageTransport>(provider =>
        {
            var connectionString = provider.GetRequiredService<IOptions<MessagingOptions>>().Value.EmbeddedConnectionString!;
            var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
            if (Path.GetDirectoryName(Path.GetFullPath(file)) is { } directory)
            {
                Directory.CreateDirectory(directory);
            }
            return new EmbeddedTransport(connectionString, provider.GetRequiredService<TimeProvider>());
        });
    }
}
