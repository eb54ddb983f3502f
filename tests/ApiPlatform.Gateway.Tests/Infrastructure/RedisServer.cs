using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace ApiPlatform.Gateway.Tests.Infrastructure;

/// <summary>
/// A real redis-server of this test's own on a free loopback port, without persistence, that a test may stop and start
/// again on the same port. Found on PATH (or at APIPLATFORM_TEST_REDIS_SERVER); without it the test is skipped.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private Process? process;

    private RedisServer(string executable, int port)
    {
        Executable = executable;
        Port = port;
    }

    public string Executable { get; }
    public int Port { get; }
    public string ConnectionString => $"127.0.0.1:{Port}";

    /// <summary>Starts a server, or skips the calling test naming what is missing.</summary>
    public static async Task<RedisServer> StartAsync()
    {
        var executable = Find();
        Skip.If(executable is null, "redis-server is not installed (not on PATH, APIPLATFORM_TEST_REDIS_SERVER unset); .ci/run installs it.");
        for (var attempt = 1; ; attempt++)
        {
            var server = new RedisServer(executable!, FreePort());
            try
            {
                await server.StartAgainAsync();
                return server;
            }
            catch (PortTakenException) when (attempt < 3)
            {
                // The port was free when chosen and something took it before the server bound it: choose another.
                await server.StopAsync();
            }
            catch
            {
                // A server that never answered (or a last attempt that failed) is not left running after the test.
                await server.StopAsync();
                throw;
            }
        }
    }

    public async Task StartAgainAsync()
    {
        process = Process.Start(new ProcessStartInfo(Executable,
            ["--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            if (process.HasExited)
            {
                // redis-server exits at once when it cannot bind its port.
                throw new PortTakenException($"redis-server exited with code {process.ExitCode} on port {Port}, which is likely taken.");
            }
            try
            {
                await using var probe = await ConnectionMultiplexer.ConnectAsync($"{ConnectionString},abortConnect=true,connectTimeout=500,allowAdmin=true");
                var server = probe.GetServer(probe.GetEndPoints()[0]);
                var info = await server.InfoAsync("server");
                // The server that answers must be this one, not another test's redis-server that took the port first.
                var answering = info.SelectMany(group => group).FirstOrDefault(pair => pair.Key == "process_id").Value;
                if (answering != process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))
                {
                    throw new PortTakenException($"Another redis-server (process {answering}) answers on port {Port}.");
                }
                return;
            }
            catch (RedisConnectionException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }
        }
    }

    private sealed class PortTakenException(string message) : Exception(message);

    /// <summary>Kills the server, as an outage would.</summary>
    public async Task StopAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
        process?.Dispose();
        process = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private static string? Find()
    {
        var configured = Environment.GetEnvironmentVariable("APIPLATFORM_TEST_REDIS_SERVER");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(configured) ? configured : null;
        }
        return (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(folder => Path.Combine(folder, "redis-server"))
            .FirstOrDefault(File.Exists);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
