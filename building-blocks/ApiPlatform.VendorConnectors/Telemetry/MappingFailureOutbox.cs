using ApiPlatform.Contracts.Events;
using ApiPlatform.Messaging.Outbox;
using ApiPlatform.ServiceDefaults.Auth;
using ApiPlatform.ServiceDefaults.Telemetry;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApiPlatform.VendorConnectors.Telemetry;

/// <summary>
/// Writes a mapping failure to the service's outbox as <typeparamref name="TEvent"/>, in a scope of its own so that
/// nothing the failed request left in its own DbContext is saved with it. The tenant is the caller's, or the one an
/// internal caller named (<c>?tenant=</c>); the correlation id is the request's.
/// </summary>
internal sealed class MappingFailureOutbox<TContext, TEvent>(
    IServiceScopeFactory scopes, TimeProvider time, Func<MappingFailure, string?, string?, DateTimeOffset, TEvent> create)
    where TContext : DbContext
    where TEvent : IIntegrationEvent
{
    public async Task PublishAsync(MappingFailure failure, HttpContext context, CancellationToken cancellationToken)
    {
        var tenant = context.User.GetTenant() ?? NamedTenant(context);
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<IEventPublisher>()
            .Publish(create(failure, tenant, Correlation.Get(context), time.GetUtcNow()));
        await scope.ServiceProvider.GetRequiredService<TContext>().SaveChangesAsync(cancellationToken);
    }

    private static string? NamedTenant(HttpContext context) =>
        context.Request.Query["tenant"] is [{ Length: > 0 and <= 64 } named] ? named : null;
}
