using ApiPlatform.Catalog;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ApiPlatform.Identity.Clients;

/// <summary>
/// Makes the application store hold exactly the clients this environment accepts: the confidential clients of
/// consumers.yaml and the public clients of <c>Identity:PublicClients</c>.
/// </summary>
internal sealed class ApplicationSynchronizer(
    IOpenIddictApplicationManager applications,
    ClientRegistry clients,
    ApiCatalog catalog,
    IOptions<IdentityServerOptions> options,
    ILogger<ApplicationSynchronizer> logger)
{
    public async Task SyncAsync(CancellationToken cancellationToken)
    {
        foreach (var consumer in clients.Allowed)
        {
            await SaveAsync(Describe(consumer), cancellationToken);
        }
        foreach (var (clientId, client) in options.Value.PublicClients)
        {
            await SaveAsync(PublicClientDescriptor.Describe(clientId, client, ScopeDefinitions.From(catalog)), cancellationToken);
        }

        foreach (var refused in clients.Refused)
        {
            logger.LogWarning("Client {ClientId} is developmentOnly: refused outside the Development environment", refused.ClientId);
        }

        var stale = new List<(object Application, string? ClientId)>();
        await foreach (var application in applications.ListAsync(cancellationToken: cancellationToken))
        {
            var clientId = await applications.GetClientIdAsync(application, cancellationToken);
            if (clients.Find(clientId) is null && (clientId is null || !options.Value.PublicClients.ContainsKey(clientId)))
            {
                stale.Add((application, clientId));
            }
        }
        foreach (var (application, clientId) in stale)
        {
            await applications.DeleteAsync(application, cancellationToken);
            logger.LogInformation("Removed client {ClientId}: not declared or not allowed in this environment", clientId);
        }
    }

    private async Task SaveAsync(OpenIddictApplicationDescriptor descriptor, CancellationToken cancellationToken)
    {
        if (await applications.FindByClientIdAsync(descriptor.ClientId!, cancellationToken) is { } existing)
        {
            await applications.UpdateAsync(existing, descriptor, cancellationToken);
        }
        else
        {
            await applications.CreateAsync(descriptor, cancellationToken);
        }
    }

    private OpenIddictApplicationDescriptor Describe(ConsumerDefinition consumer)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = consumer.ClientId,
            ClientSecret = options.Value.SecretOf(consumer.ClientId),
            ClientType = ClientTypes.Confidential,
            DisplayName = consumer.DisplayName,
        };
        descriptor.Permissions.Add(Permissions.Endpoints.Token);
        descriptor.Permissions.Add(Permissions.GrantTypes.ClientCredentials);
        if (ClientRegistry.MayExchangeTokens(consumer))
        {
            descriptor.Permissions.Add(Permissions.GrantTypes.TokenExchange);
        }
        descriptor.Permissions.UnionWith(clients.ScopesOf(consumer).Select(scope => Permissions.Prefixes.Scope + scope));
        return descriptor;
    }
}
