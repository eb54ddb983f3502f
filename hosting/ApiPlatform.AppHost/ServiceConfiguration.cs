namespace ApiPlatform.AppHost;

/// <summary>Builds one service's application with the configuration the platform gives it.</summary>
internal static class ServiceConfiguration
{
    public const string IdentityDevelopmentSettings = "settings/identity.Development.json";

    public static Dictionary<string, string?> For(ServiceDefinition service, PlatformHost host, string issuer, Dictionary<string, string> serviceSecrets)
    {
        var settings = host.Settings;
        var configuration = new Dictionary<string, string?>
        {
            ["Service:Name"] = service.Name,
            ["Service:Tier"] = service.Tier,
            ["Auth:Authority"] = host.Urls["identity"].AbsoluteUri,
            ["Auth:Issuer"] = issuer,
            ["Database:Provider"] = settings.DatabaseProvider,
            ["Database:DataDirectory"] = Path.GetFullPath(settings.DataDirectory),
            ["ConnectionStrings:redis"] = host.RedisConnectionString,
            ["Identity:SigningKeys:Path"] = Path.Combine(Path.GetFullPath(settings.DataDirectory), "identity-keys"),
        };

        if (settings.DatabaseProvider == "postgres")
        {
            var template = settings.PostgresConnectionTemplate
                ?? throw new InvalidOperationException("Platform:PostgresConnectionTemplate is required when Platform:DatabaseProvider is postgres.");
            configuration[$"ConnectionStrings:{service.Name}"] = template.Replace("{database}", "apiplatform_" + service.Name.Replace('-', '_'), StringComparison.Ordinal);
        }

        if (service.HasServiceClient)
        {
            configuration["Auth:ClientId"] = $"svc-{service.Name}";
            configuration["Auth:ClientSecret"] = serviceSecrets[service.Name];
        }

        foreach (var downstream in service.Downstream)
        {
            configuration[$"Downstream:{downstream}"] = host.Urls[downstream].AbsoluteUri;
        }

        if (service.Name == "identity")
        {
            foreach (var (name, secret) in serviceSecrets)
            {
                configuration[$"Identity:Clients:svc-{name}:Secret"] = secret;
            }
            if (settings.EnvironmentName == "Development")
            {
                // The development console client (settings/identity.Development.json) also answers at the platform's own
                // public URL, which may be another host or a free port: exactly the console's two pages there, nothing wider.
                configuration["Identity:PublicClients:console:RedirectUris:1"] = issuer + "console/signed-in";
                configuration["Identity:PublicClients:console:PostLogoutRedirectUris:1"] = issuer + "console/";
            }
        }

        if (service.Name == "gateway")
        {
            foreach (var api in PlatformServices.All.Where(s => s.Tier is "system" or "process" or "experience"))
            {
                configuration[$"Gateway:Upstreams:{api.Name}"] = host.Urls[api.Name].AbsoluteUri;
            }
        }

        foreach (var (key, value) in settings.SharedConfiguration)
        {
            configuration[key] = value;
        }
        return configuration;
    }

    /// <summary>
    /// The service's own appsettings.json (its business rules and SLAs, as it reads them when it runs alone), without its
    /// logging section: in one process the AppHost decides what is logged.
    /// </summary>
    private static IEnumerable<KeyValuePair<string, string?>> OwnSettings(string service)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "settings", service + ".json");
        if (!File.Exists(path))
        {
            return [];
        }
        return new ConfigurationBuilder().AddJsonFile(path).Build().AsEnumerable()
            .Where(s => s.Value is not null && !s.Key.StartsWith("Logging:", StringComparison.OrdinalIgnoreCase))
            .ToList();
    }

    public static WebApplication Build(
        ServiceDefinition service, PlatformSettings settings, Dictionary<string, string?> configuration, Uri url, Action<ILoggingBuilder>? logging,
        Action<string, IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = service.Assembly.GetName().Name,
            EnvironmentName = settings.EnvironmentName,
            ContentRootPath = AppContext.BaseDirectory,
        });

        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(OwnSettings(service.Name));
        if (service.Name == "identity" && builder.Environment.IsDevelopment())
        {
            // The demo clients' secrets: the same file the token server reads when it runs alone in Development.
            builder.Configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, IdentityDevelopmentSettings), optional: false);
        }
        builder.Configuration.AddEnvironmentVariables();
        builder.Configuration.AddInMemoryCollection(configuration);

        builder.Logging.ClearProviders();
        if (logging is null)
        {
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
            // The gateway's audit records (one per proxied request and per admin change) are the point of its log.
            builder.Logging.AddFilter("ApiPlatform.Gateway.Audit", LogLevel.Information);
            builder.Logging.AddFilter("ApiPlatform.Gateway.AdminAudit", LogLevel.Information);
        }
        else
        {
            logging(builder.Logging);
        }

        builder.WebHost.UseUrls(url.GetLeftPart(UriPartial.Authority));
        service.Add(builder);
        services?.Invoke(service.Name, builder.Services);
        var app = builder.Build();
        service.Map(app);
        return app;
    }
}
