using System.Net;
using System.Net.Sockets;
using ApiPlatform.Gateway.Tests.Infrastructure;

namespace ApiPlatform.Gateway.Tests.Hardening;

[Collection(GatewayCollection.Name)]
public sealed class DestinationFailoverTests(GatewayFixture fixture)
{
    private const string Invoices = "/system/finance/v1/invoices";
    private string Token => fixture.Token("finance", "system:finance");

    [Fact]
    public async Task Get_and_head_move_once_to_another_destination_after_a_connection_failure_other_methods_never()
    {
        await using var gateway = await StartAsync(activeChecks: false);

        var gets = await StatusesAsync(gateway.Host, HttpMethod.Get, 4);
        var heads = await StatusesAsync(gateway.Host, HttpMethod.Head, 2);
        var before = fixture.Backend.Requests;
        var posts = await StatusesAsync(gateway.Host, HttpMethod.Post, 4);

        Assert.All(gets.Concat(heads), status => Assert.Equal(HttpStatusCode.OK, status));
        // Round robin sends every other POST to the dead destination: it fails with 503 and is not sent on.
        Assert.Equal(2, posts.Count(s => s == HttpStatusCode.ServiceUnavailable));
        Assert.Equal(2, posts.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(before + 2, fixture.Backend.Requests);
    }

    [Fact]
    public async Task Passive_health_checks_take_a_failing_destination_out_of_rotation()
    {
        await using var gateway = await StartAsync(activeChecks: false);

        await StatusesAsync(gateway.Host, HttpMethod.Get, 24);
        var posts = await StatusesAsync(gateway.Host, HttpMethod.Post, 4);

        Assert.All(posts, status => Assert.Equal(HttpStatusCode.OK, status));
    }

    [Fact]
    public async Task Active_health_checks_take_a_dead_destination_out_of_rotation()
    {
        await using var gateway = await StartAsync(activeChecks: true);

        for (var probe = 0; probe < 3; probe++)
        {
            gateway.Host.Time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(300);
        }
        var posts = await StatusesAsync(gateway.Host, HttpMethod.Post, 4);

        Assert.All(posts, status => Assert.Equal(HttpStatusCode.OK, status));
    }

    private Task<TestGateway> StartAsync(bool activeChecks) => TestGateway.StartAsync(fixture, new Dictionary<string, string?>
    {
        ["Gateway:Upstreams:finance"] = $"http://127.0.0.1:{DeadPort()}/,{fixture.Backend.Upstream}",
        ["Gateway:Destinations:LoadBalancingPolicy"] = "RoundRobin",
        ["Gateway:Destinations:ActiveEnabled"] = activeChecks ? "true" : "false",
        ["Gateway:Destinations:ActiveInterval"] = "00:00:01",
    });

    private async Task<List<HttpStatusCode>> StatusesAsync(GatewayHost gateway, HttpMethod method, int count)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < count; i++)
        {
            using var response = await gateway.SendAsync(method, Invoices, Token, method == HttpMethod.Post ? new StringContent("{}") : null);
            statuses.Add(response.StatusCode);
        }
        return statuses;
    }

    private static int DeadPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
