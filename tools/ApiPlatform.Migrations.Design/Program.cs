using ApiPlatform.AppHost;
using ApiPlatform.Migrations.Design;

// `dotnet ef` builds this host to find a service's DbContext exactly as the service registers it, for one provider:
// APIPLATFORM_MIGRATIONS_SERVICE names the service (as in PlatformServices), APIPLATFORM_MIGRATIONS_PROVIDER is sqlite or
// postgres. No database is contacted: migrations are computed from the model.
var name = Environment.GetEnvironmentVariable("APIPLATFORM_MIGRATIONS_SERVICE")
    ?? throw new InvalidOperationException("Set APIPLATFORM_MIGRATIONS_SERVICE (tools/migrations.sh does).");
var provider = Environment.GetEnvironmentVariable("APIPLATFORM_MIGRATIONS_PROVIDER") ?? "sqlite";
var service = PlatformServices.All.Single(s => s.Name == name);

ServiceModelHost.Build(service, provider, provider == "postgres" ? "Host=127.0.0.1;Database=design" : null,
    Path.Combine(Path.GetTempPath(), "apiplatform-migrations-design")).Run();
