using Garnet;

namespace ApiPlatform.AppHost;

/// <summary>Garnet, Microsoft's Redis-compatible server, in this process with Lua scripting on.</summary>
internal sealed class EmbeddedRedis : IDisposable
{
    private readonly GarnetServer server;

    private EmbeddedRedis(GarnetServer server, int port)
    {
        this.server = server;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString => $"127.0.0.1:{Port}";

    public static EmbeddedRedis Start(int port)
    {
        var server = new GarnetServer(
            ["--bind", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--lua",
             "--memory", "256m", "--index", "64m", "-q"]);
        server.Start();
        return new EmbeddedRedis(server, port);
    }

    public void Dispose() => server.Dispose();
}
