using Npgsql;

namespace ApiPlatform.ServiceDefaults.Data;

/// <summary>
/// What the platform sets on a service's PostgreSQL connection string unless the operator set it.
/// </summary>
public static class PostgresConnectionDefaults
{
    /// <summary>
    /// Statements a connection runs often are prepared on it (Npgsql's automatic preparation, off by default): the
    /// services run the same few statements over and over (the outbox insert, the relay's claims, the inbox row), and
    /// PostgreSQL otherwise parses and plans each one every time. A connection keeps up to this many prepared
    /// statements. Behind a pooler in transaction mode that cannot keep prepared statements, set
    /// <c>Max Auto Prepare=0</c> in the connection string.
    /// </summary>
    public const int MaxAutoPrepare = 64;

    public static string Apply(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!Sets(connectionString, "maxautoprepare"))
        {
            builder.MaxAutoPrepare = MaxAutoPrepare;
        }
        return builder.ConnectionString;
    }

    /// <summary>Whether the operator's string names the key, however spaced and cased ("Max Auto Prepare", "maxautoprepare").</summary>
    private static bool Sets(string connectionString, string key) =>
        connectionString.Split(';').Any(part => part.Contains('=')
            && string.Equals(string.Concat(part.Split('=', 2)[0].Where(c => !char.IsWhiteSpace(c))), key, StringComparison.OrdinalIgnoreCase));
}
