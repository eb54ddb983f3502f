namespace ApiPlatform.Messaging.Tests.Infrastructure;

/// <summary>Where a proof runs: the one-machine defaults, or the production engines.</summary>
public enum Engine
{
    /// <summary>SQLite service databases and the embedded transport (a shared SQLite file).</summary>
    Embedded,

    /// <summary>PostgreSQL service databases and Redis Streams.</summary>
    PostgresAndRedis,
}
