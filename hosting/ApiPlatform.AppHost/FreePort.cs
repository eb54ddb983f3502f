using System.Net;
using System.Net.Sockets;

namespace ApiPlatform.AppHost;

internal static class FreePort
{
    // Below Linux's ephemeral range (32768-60999 by default), so an outgoing connection cannot take the port between
    // the moment it is chosen here and the moment its service binds it; random, so parallel test runs rarely meet.
    private const int Lowest = 20000;
    private const int Highest = 32000;

    // Ports this process has handed out. A platform chooses the ports of all its services before it starts any of them,
    // so a port is free again right after it is chosen: without this, two services of one platform could get the same.
    private static readonly HashSet<int> HandedOut = [];

    /// <summary>Never hands out <paramref name="port"/>: the settings give it to a service (not bound yet).</summary>
    public static void Reserve(int port)
    {
        lock (HandedOut)
        {
            HandedOut.Add(port);
        }
    }

    /// <summary>A loopback port that was free a moment ago and that this process has not handed out before.</summary>
    public static int Next()
    {
        lock (HandedOut)
        {
            for (var attempt = 0; attempt < 1000; attempt++)
            {
                var port = Random.Shared.Next(Lowest, Highest);
                if (HandedOut.Contains(port) || !IsFree(port))
                {
                    continue;
                }
                HandedOut.Add(port);
                return port;
            }
        }
        throw new InvalidOperationException($"No free loopback port found between {Lowest} and {Highest}.");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
