using ApiPlatform.ServiceDefaults;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ApiPlatform.SystemApis.Crm.Tests;

/// <summary>A bad connector setting stops crm at start with a message that names the configuration key.</summary>
public sealed class ConnectorConfigurationTests : IDisposable
{
    private readonly string data = Path.Combine(Path.GetTempPath(), "apiplatform-crm-config-" + Guid.NewGuid().ToString("N"));

    [Theory]
    [InlineData("salesforse", "Crm:Connectors:initech")]
    [InlineData("salesforce", "Crm:Salesforce:ClientId")]
    [InlineData("hubspot", "Crm:HubSpot:AccessToken")]
    public async Task A_tenant_routed_to_an_unknown_or_unconfigured_crm_fails_the_start_naming_the_key(string connector, string key)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development", ApplicationName = typeof(CrmExtensions).Assembly.GetName().Name });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Service:Name"] = "crm",
            ["Service:Tier"] = "system",
            ["Auth:Authority"] = "http://127.0.0.1:9/",
            ["Database:DataDirectory"] = data,
            ["Crm:Connectors:initech"] = connector,
            ["Crm:Salesforce:BaseUrl"] = "https://initech.my.salesforce.com",
            ["Crm:HubSpot:BaseUrl"] = "https://api.hubapi.com",
        });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddServiceDefaults();
        builder.AddCrm();
        await using var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapCrm();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(data))
        {
            Directory.Delete(data, recursive: true);
        }
    }
}
