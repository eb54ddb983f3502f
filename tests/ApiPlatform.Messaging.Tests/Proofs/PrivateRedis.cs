using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ApiPlatform.Messaging.Tests.Proofs;

/// <summary>A redis-server of the test's own (append-only file, fsync always) that the test can stop and start again.</summary>
internal sealed class PrivateRedis : IDisposable
{
    private readonly string directory;
    private Process? server;

    public PrivateRedis(string directory)
    {
        this.directory = directory;
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
    }

    public int Port { get; }

    public string ConnectionString => $"127.0.0.1:{Port}";

    public async Task StartAsync()
    {
        var start = new ProcessStartInfo("redis-server") { UseShellExecute = false, RedirectStandardOutput = true, WorkingDirectory = directory };
        foreach (var argument in new[] { "--bind", "127.0.0.1", "--port", $"{Port}", "--save", "", "--appendonly", "yes", "--appendfsync", "always", "--dir", directory })
        {
            start.ArgumentList.Add(argument);
        }
        server = Process.Start(start)!;
        server.BeginOutputReadLine();
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }
        throw new InvalidOperationException($"redis-server did not listen on port {Port}.");
    }

    /// <summary>Stops the server by its PID.</summary>
    public void Stop()
    {
        if (server is { HasExited: false })
        {
            using var byPid = Process.GetProcessById(server.Id);
            byPid.Kill();
            server.WaitForExit();
        }
        server?.Dispose();
        server = null;
    }

    public void Dispose() => Stop();
}
