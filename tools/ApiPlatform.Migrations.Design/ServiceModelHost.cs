using ApiPlatform.AppHost;

namespace ApiPlatform.Migrations.Design;

/// <summary>
/// A service's application built (not started) with just enough configuration to create its DbContext for one provider:
/// what `dotnet ef` reads the model from, and what the migration tests inspect.
/// </summary>
public static class ServiceModelHost
{
    public static WebApplication Build(ServiceDefinition service, string provider, string? connectionString, string dataDirectory, string environment = "Development")
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = service.Assembly.GetName().Name,
            EnvironmentName = environment,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Service:Name"] = service.Name,
            ["Service:Tier"] = service.Tier,
            ["Auth:Authority"] = "https://127.0.0.1:9/",
            ["Database:Provider"] = provider,
            ["Database:DataDirectory"] = dataDirectory,
            [$"ConnectionStrings:{service.Name}"] = connectionString,
        });
        foreach (var downstream in service.Downstream)
        {
            builder.Configuration[$"Downstream:{downstream}"] = "http://127.0.0.1:9/";
        }
        builder.Logging.ClearProviders();
        service.Add(builder);
        return builder.Build();
    }
}
