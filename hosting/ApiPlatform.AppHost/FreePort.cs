using System.Net;
using System.Net.Sockets;

namespace ApiPlatform.AppHost;

internal static class FreePort
{
    // Below Linux's ephemeral range (32768-60999 by default), so an outgoing connection cannot take the port between
    // the moment it is chosen here and the moment its service binds it; random, so parallel test runs rarely meet.
    private const int Lowest = 20000;
    private const int Highest = 32000;

    /// <summary>A loopback port that was free a moment ago.</summary>
    public static int Next()
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var port = Random.Shared.Next(Lowest, Highest);
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
                // Taken: try another.
            }
        }
        throw new InvalidOperationException($"No free loopback port found between {Lowest} and {Highest}.");
    }
}
