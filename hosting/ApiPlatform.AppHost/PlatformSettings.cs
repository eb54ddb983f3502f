namespace ApiPlatform.AppHost;

/// <summary>How the one-machine platform is laid out (section <c>Platform</c>).</summary>
public sealed record PlatformSettings
{
    /// <summary>The gateway's public URL, which is also the token issuer.</summary>
    public string PublicUrl { get; init; } = "http://localhost:8080";

    public string EnvironmentName { get; init; } = "Development";

    /// <summary>Folder of the SQLite files and signing keys.</summary>
    public string DataDirectory { get; init; } = ".data";

    /// <summary>Loopback port of each service; 0 picks a free one. Missing services get 5100 + their index.</summary>
    public Dictionary<string, int> Ports { get; init; } = [];

    /// <summary><c>sqlite</c> (default) or <c>postgres</c>.</summary>
    public string DatabaseProvider { get; init; } = "sqlite";

    /// <summary>PostgreSQL connection string with <c>{database}</c> where each service's own database name goes.</summary>
    public string? PostgresConnectionTemplate { get; init; }

    /// <summary>An external Redis; when empty, an embedded Garnet server is started.</summary>
    public string? RedisConnectionString { get; init; }

    /// <summary>Port of the embedded Garnet server; 0 picks a free one.</summary>
    public int EmbeddedRedisPort { get; init; } = 6380;

    /// <summary>Extra configuration given to every service (e.g. a test catalog).</summary>
    public Dictionary<string, string?> SharedConfiguration { get; init; } = [];
}
