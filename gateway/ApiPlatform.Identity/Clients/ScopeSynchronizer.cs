using ApiPlatform.Catalog;
using OpenIddict.Abstractions;

namespace ApiPlatform.Identity.Clients;

/// <summary>Makes the scope store hold exactly the catalog's scopes, each with its API as the resource (audience).</summary>
internal sealed class ScopeSynchronizer(IOpenIddictScopeManager scopes, ApiCatalog catalog)
{
    public async Task SyncAsync(CancellationToken cancellationToken)
    {
        var definitions = ScopeDefinitions.From(catalog);
        foreach (var definition in definitions)
        {
            var descriptor = new OpenIddictScopeDescriptor { Name = definition.Name, DisplayName = definition.DisplayName };
            descriptor.Resources.Add(definition.Audience);
            if (await scopes.FindByNameAsync(definition.Name, cancellationToken) is { } existing)
            {
                await scopes.UpdateAsync(existing, descriptor, cancellationToken);
            }
            else
            {
                await scopes.CreateAsync(descriptor, cancellationToken);
            }
        }

        var declared = definitions.Select(d => d.Name).ToHashSet(StringComparer.Ordinal);
        var stale = new List<object>();
        await foreach (var scope in scopes.ListAsync(cancellationToken: cancellationToken))
        {
            if (!declared.Contains(await scopes.GetNameAsync(scope, cancellationToken) ?? ""))
            {
                stale.Add(scope);
            }
        }
        foreach (var scope in stale)
        {
            await scopes.DeleteAsync(scope, cancellationToken);
        }
    }
}
