namespace ApiPlatform.Catalog;

/// <summary>A client of the platform, as declared in <c>contracts/catalog/consumers.yaml</c>.</summary>
public sealed class ConsumerDefinition
{
    public string ClientId { get; set; } = "";
    public string DisplayName { get; set; } = "";

    /// <summary><c>partner</c>, <c>internal</c> or <c>service</c>.</summary>
    public string Kind { get; set; } = "";

    public string? Tenant { get; set; }
    public string Plan { get; set; } = "";

    /// <summary>Names of the APIs this client may call.</summary>
    public List<string> Subscriptions { get; set; } = [];

    public bool PlatformAdmin { get; set; }

    /// <summary>Demo clients that exist only in the Development environment.</summary>
    public bool DevelopmentOnly { get; set; }
}
