using ApiPlatform.Catalog;

namespace ApiPlatform.Identity.Clients;

/// <summary>One scope per catalog API, <c>{tier}:{api}</c>, whose audience is the API name; plus <c>platform:admin</c>.</summary>
internal static class ScopeDefinitions
{
    public const string PlatformAudience = "platform";

    public static IReadOnlyList<ScopeDefinition> From(ApiCatalog catalog) =>
    [
        .. catalog.Apis.Select(api => new ScopeDefinition(api.Scope, api.Name, api.Title)),
        new ScopeDefinition(ApiCatalog.PlatformAdminScope, PlatformAudience, "Platform governance and operations"),
    ];
}
