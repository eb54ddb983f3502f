namespace ApiPlatform.AppHost;

internal static class Banner
{
    public static void Print(PlatformHost platform, TimeSpan startup)
    {
        var gateway = platform.GatewayUrl.AbsoluteUri.TrimEnd('/');
        Console.WriteLine($"""

            ApiPlatform is running ({platform.Settings.EnvironmentName}, started in {startup.TotalSeconds:0.0} s)

              Gateway         {gateway}
              API catalog     {gateway}/catalog/apis
              Token endpoint  {gateway}/connect/token
              Data            {Path.GetFullPath(platform.Settings.DataDirectory)} ({platform.Settings.DatabaseProvider})
              Redis           {RedisEndpoints(platform.RedisConnectionString)}{(string.IsNullOrEmpty(platform.Settings.RedisConnectionString) ? " (embedded Garnet, random password)" : "")}

            """);
        foreach (var (name, url) in platform.Urls.Where(u => u.Key != "gateway"))
        {
            Console.WriteLine($"  {name,-16}{url.AbsoluteUri.TrimEnd('/')}");
        }

        if (platform.Settings.EnvironmentName == "Development")
        {
            Console.WriteLine($"""

                Demo clients (Development only): partner-acme/acme-secret, partner-globex/globex-secret,
                sales-app/sales-secret, finance-app/finance-secret (approves orders over the credit,
                second-level requisitions and mismatching invoices), procurement-app/procurement-secret
                (first-level requisition approver), integration-app/integration-secret, platform-admin/admin-secret

                People (Development only; sign in at {gateway}/connect/authorize through the console client):
                ada/ada-dev-password (platform admin), oscar/oscar-dev-password (operator),
                pat/pat-dev-password (partner user of acme)

                Try it:
                  TOKEN=$(curl -s -u partner-acme:acme-secret -d grant_type=client_credentials {gateway}/connect/token | jq -r .access_token)
                  curl -H "Authorization: Bearer $TOKEN" {gateway}/experience/partner-portal/v2/quotes
                """);
        }
        Console.WriteLine("Press Ctrl+C to stop.");
    }

    // The connection string may hold a password: only its endpoints are printed.
    private static string RedisEndpoints(string connectionString) =>
        string.Join(", ", StackExchange.Redis.ConfigurationOptions.Parse(connectionString).EndPoints.Select(e => e.ToString()));
}
