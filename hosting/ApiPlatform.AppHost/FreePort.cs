using System.Net;
using System.Net.Sockets;

namespace ApiPlatform.AppHost;

internal static class FreePort
{
    /// <summary>A loopback port that was free a moment ago (the OS hands out a fresh one for port 0).</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
