using ApiPlatform.Catalog;

namespace ApiPlatform.Identity.Clients;

/// <summary>The clients this environment accepts, and what each may ask for, as the catalog declares them.</summary>
internal sealed class ClientRegistry
{
    private const string ServiceClientPrefix = "svc-";
    private readonly ApiCatalog catalog;

    public ClientRegistry(ApiCatalog catalog, IHostEnvironment environment)
    {
        this.catalog = catalog;
        // Demo clients carry well-known secrets: they never exist outside Development.
        var byEnvironment = catalog.Consumers.ToLookup(c => !c.DevelopmentOnly || environment.IsDevelopment());
        Allowed = [.. byEnvironment[true]];
        Refused = [.. byEnvironment[false]];
    }

    public IReadOnlyList<ConsumerDefinition> Allowed { get; }

    public IReadOnlyList<ConsumerDefinition> Refused { get; }

    public ConsumerDefinition? Find(string? clientId) => Allowed.FirstOrDefault(c => c.ClientId == clientId);

    /// <summary>The partner client of <paramref name="tenant"/> this environment accepts: a partner user may do what it may.</summary>
    public ConsumerDefinition? PartnerOf(string? tenant) =>
        tenant is null ? null : Allowed.FirstOrDefault(c => c.Kind == ConsumerKinds.Partner && c.Tenant == tenant);

    public IReadOnlyList<string> ScopesOf(ConsumerDefinition consumer)
    {
        var scopes = consumer.Subscriptions.Select(catalog.FindApi).OfType<ApiDefinition>().Select(api => api.Scope).ToList();
        if (consumer.PlatformAdmin)
        {
            scopes.Add(ApiCatalog.PlatformAdminScope);
        }
        return scopes;
    }

    public static bool MayExchangeTokens(ConsumerDefinition consumer) => consumer.Kind == ConsumerKinds.Service;

    /// <summary>
    /// The API a service client runs as (<c>svc-{api}</c>): it may only exchange tokens addressed to that API.
    /// Null for any other client, so token exchange fails closed.
    /// </summary>
    public string? ApiServedBy(string? clientId) =>
        Find(clientId) is { Kind: ConsumerKinds.Service } consumer && consumer.ClientId.StartsWith(ServiceClientPrefix, StringComparison.Ordinal)
            ? catalog.FindApi(consumer.ClientId[ServiceClientPrefix.Length..])?.Name
            : null;
}
