namespace ApiPlatform.Gateway.Idempotency;

internal static class IdempotencyExtensions
{
    /// <summary>Idempotency records in Redis when <c>ConnectionStrings:redis</c> is set, else in memory.</summary>
    public static void AddGatewayIdempotency(this WebApplicationBuilder builder, bool redis)
    {
        builder.Services.AddOptions<IdempotencyOptions>()
            .BindConfiguration(IdempotencyOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        if (redis)
        {
            builder.Services.AddSingleton<IIdempotencyStore, RedisIdempotencyStore>();
        }
        else
        {
            builder.Services.AddSingleton<IIdempotencyStore, InMemoryIdempotencyStore>();
        }
        builder.Services.AddSingleton<IdempotentExecution>();
    }
}
