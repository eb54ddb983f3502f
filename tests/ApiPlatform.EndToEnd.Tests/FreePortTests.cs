using System.Net;
using System.Net.Sockets;
using ApiPlatform.AppHost;

namespace ApiPlatform.EndToEnd.Tests;

/// <summary>
/// A platform chooses the ports of all its services before it starts any of them; the ports it chooses must differ even
/// though each is free again the moment after it was chosen.
/// </summary>
public sealed class FreePortTests
{
    [Fact]
    public void Ports_handed_out_by_one_process_never_repeat_even_before_they_are_bound()
    {
        // 1 500 of the 12 000 candidates: independent random choices would repeat about 90 times.
        var ports = Enumerable.Range(0, 1_500).Select(_ => FreePort.Next()).ToList();

        Assert.Equal(ports.Count, ports.Distinct().Count());
        Assert.All(ports, port => Assert.InRange(port, 20000, 31999));
    }

    [Fact]
    public void A_port_another_socket_listens_on_is_not_handed_out()
    {
        // 300 listeners on ports of the range that FreePort did not choose: a choice ignoring them would hit one about
        // 5 times in 200.
        var taken = new List<TcpListener>();
        while (taken.Count < 300)
        {
            var listener = new TcpListener(IPAddress.Loopback, Random.Shared.Next(20000, 32000));
            try
            {
                listener.Start();
                taken.Add(listener);
            }
            catch (SocketException)
            {
                // In use already: fine, pick another.
            }
        }
        try
        {
            var inUse = taken.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToHashSet();
            var next = Enumerable.Range(0, 200).Select(_ => FreePort.Next()).ToList();

            Assert.DoesNotContain(next, inUse.Contains);
        }
        finally
        {
            taken.ForEach(l => l.Stop());
        }
    }
}
