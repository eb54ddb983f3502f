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

    /// <summary>
    /// A pooled connection is handed out again without Npgsql's reset (<c>SET SESSION AUTHORIZATION DEFAULT</c>,
    /// <c>RESET ALL</c>, <c>pg_advisory_unlock_all()</c>, sent with the first command after each open: 7.8 % of
    /// PostgreSQL's statement time in the messaging benchmark's burst). The services change no session state on their
    /// connections (no <c>SET</c>, temporary tables, session advisory locks or <c>LISTEN</c>), so the reset undoes
    /// nothing of theirs; a transaction left open is still rolled back when its connection returns to the pool. A
    /// deployment whose database sets session state per connection sets <c>No Reset On Close=false</c>.
    /// </summary>
    public const bool NoResetOnClose = true;

    public static string Apply(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!Sets(connectionString, "maxautoprepare"))
        {
            builder.MaxAutoPrepare = MaxAutoPrepare;
        }
        if (!Sets(connectionString, "noresetonclose"))
        {
            builder.NoResetOnClose = NoResetOnClose;
        }
        return builder.ConnectionString;
    }

    /// <summary>Whether the operator's string names the key, however spaced and cased ("Max Auto Prepare", "maxautoprepare").</summary>
    private static bool Sets(string connectionString, string key) =>
        connectionString.Split(';').Any(part => part.Contains('=')
            && string.Equals(string.Concat(part.Split('=', 2)[0].Where(c => !char.IsWhiteSpace(c))), key, StringComparison.OrdinalIgnoreCase));
}
