namespace ApiPlatform.Catalog;

/// <summary>One API of the catalog, as declared in <c>contracts/catalog/apis/{name}.yaml</c>.</summary>
public sealed class ApiDefinition
{
    public string Name { get; set; } = "";
    public string Title { get; set; } = "";
    public string Tier { get; set; } = "";
    public ApiOwner Owner { get; set; } = new();
    public string Description { get; set; } = "";
    public string Upstream { get; set; } = "";
    public List<string> Scopes { get; set; } = [];
    public ApiSlo Slo { get; set; } = new();
    public List<ApiVersionDefinition> Versions { get; set; } = [];
    public ApiPolicies Policies { get; set; } = new();

    /// <summary>Vendor callbacks the gateway forwards without a token; empty for most APIs.</summary>
    public List<WebhookDefinition> Webhooks { get; set; } = [];

    /// <summary>The scope that grants access to this API: <c>{tier}:{name}</c>.</summary>
    public string Scope => $"{Tier}:{Name}";

    /// <summary>The public path prefix at the gateway: <c>/{tier}/{name}</c>.</summary>
    public string PathPrefix => $"/{Tier}/{Name}";

    public ApiVersionDefinition? FindVersion(int major) => Versions.FirstOrDefault(v => v.Major == major);
}
