namespace ApiPlatform.Identity.Tests;

/// <summary>The configuration a host gets in place of appsettings files: only what these tests state.</summary>
internal static class TestSettings
{
    public static readonly IReadOnlyDictionary<string, string> Secrets = new Dictionary<string, string>
    {
        ["partner-acme"] = "acme-secret",
        ["partner-globex"] = "globex-secret",
        ["sales-app"] = "sales-secret",
        ["finance-app"] = "finance-secret",
        ["procurement-app"] = "procurement-secret",
        ["integration-app"] = "integration-secret",
        ["platform-admin"] = "admin-secret",
        ["svc-quote-to-cash"] = "q2c-secret",
        ["svc-procure-to-pay"] = "p2p-secret",
        ["svc-reconciliation"] = "recon-secret",
        ["svc-partner-portal"] = "portal-secret",
        ["svc-analytics"] = "analytics-secret",
    };

    public static Dictionary<string, string?> For(Uri address, string dataDirectory)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Service:Name"] = "identity",
            ["Service:Tier"] = "platform",
            ["Auth:Authority"] = address.AbsoluteUri,
            ["Auth:Issuer"] = IdentityHost.Issuer,
            ["Database:DataDirectory"] = dataDirectory,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (clientId, secret) in Secrets)
        {
            settings[$"Identity:Clients:{clientId}:Secret"] = secret;
        }
        return settings;
    }
}
