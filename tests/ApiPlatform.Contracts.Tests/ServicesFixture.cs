using System.Reflection;
using ApiPlatform.AppHost;
using ApiPlatform.Catalog;
using Microsoft.Extensions.Logging;

namespace ApiPlatform.Contracts.Tests;

/// <summary>The platform started in-process, so that each service serves the OpenAPI documents it generates.</summary>
public sealed class ServicesFixture : IAsyncLifetime
{
    private readonly TempDirectory dataDirectory = new("contracts");

    public static string RepositoryRoot { get; } =
        typeof(ServicesFixture).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;

    /// <summary>Every version a client may call today: active and deprecated ones (drafts are unpublished, retired ones gone).</summary>
    public static TheoryData<string, int> PublishedVersions()
    {
        var catalog = CatalogLoader.Load(Path.Combine(RepositoryRoot, "contracts", "catalog"));
        var data = new TheoryData<string, int>();
        foreach (var api in catalog.Apis)
        {
            foreach (var version in api.Versions.Where(v => v.ParsedStatus is VersionStatus.Active or VersionStatus.Deprecated))
            {
                data.Add(api.Name, version.Major);
            }
        }
        return data;
    }

    public PlatformHost Platform { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Platform = await PlatformHost.StartAsync(new PlatformSettings
        {
            PublicUrl = "http://127.0.0.1:0",
            DataDirectory = dataDirectory.Path,
            Ports = PlatformServices.All.ToDictionary(s => s.Name, _ => 0),
            EmbeddedRedisPort = 0,
        }, logging => logging.SetMinimumLevel(LogLevel.Warning).AddSimpleConsole());
    }

    public async Task DisposeAsync()
    {
        if (Platform is not null)
        {
            await Platform.DisposeAsync();
        }

        dataDirectory.Dispose();
    }
}
