using System.Security.Cryptography;
using Garnet;

namespace ApiPlatform.AppHost;

/// <summary>
/// Garnet, Microsoft's Redis-compatible server, in this process with Lua scripting on. It holds stored idempotent
/// answers and rate-limit buckets, so it takes a random password at every start: only this process's services know it.
/// </summary>
internal sealed class EmbeddedRedis : IDisposable
{
    private readonly GarnetServer server;
    private readonly string password;

    private EmbeddedRedis(GarnetServer server, int port, string password)
    {
        this.server = server;
        this.password = password;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString => $"127.0.0.1:{Port},password={password}";

    public static EmbeddedRedis Start(int port)
    {
        // Hex, so the password never holds a character that StackExchange.Redis reads as a separator.
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        var server = new GarnetServer(
            ["--bind", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--lua",
             "--memory", "256m", "--index", "64m", "--auth", "Password", "--password", password, "-q"]);
        server.Start();
        return new EmbeddedRedis(server, port, password);
    }

    public void Dispose() => server.Dispose();
}
