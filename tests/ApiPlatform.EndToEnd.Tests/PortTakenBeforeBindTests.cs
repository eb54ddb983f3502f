using System.Net;
using System.Net.Sockets;
using ApiPlatform.AppHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace ApiPlatform.EndToEnd.Tests;

/// <summary>
/// A port the platform chose is free when chosen and can be taken by another process before its service binds it (two
/// test runs, or two platforms, choosing at once). The platform then starts again on ports chosen anew instead of
/// failing.
/// </summary>
[Collection(Name)]
public sealed class PortTakenBeforeBindTests
{
    public const string Name = "port-taken-before-bind";

    [Fact]
    public async Task A_platform_whose_chosen_gateway_port_is_taken_before_it_binds_starts_on_another()
    {
        using var data = new TempDirectory("e2e-port-taken");
        TcpListener? squatter = null;
        try
        {
            await using var platform = await PlatformHost.StartAsync(new PlatformSettings
            {
                PublicUrl = "http://127.0.0.1:0",
                DataDirectory = data.Path,
                Ports = PlatformServices.All.ToDictionary(s => s.Name, _ => 0),
                EmbeddedRedisPort = 0,
            }, logging => logging.SetMinimumLevel(LogLevel.Warning).AddSimpleConsole(),
            services: (name, services) =>
            {
                // The first service is built after every port is chosen and before the gateway (the last) binds its
                // own: take the gateway's port now, once.
                if (name != PlatformServices.All[0].Name || squatter is not null)
                {
                    return;
                }
                // The builder's configuration, as registered (an instance, or a factory that returns it).
                var registered = services.Last(d => d.ServiceType == typeof(IConfiguration));
                var configuration = (IConfiguration)(registered.ImplementationInstance ?? registered.ImplementationFactory!(null!));
                var gateway = new Uri(configuration["Auth:Issuer"]!);
                squatter = new TcpListener(IPAddress.Loopback, gateway.Port);
                squatter.Start();
            });

            Assert.NotNull(squatter);
            var taken = ((IPEndPoint)squatter.LocalEndpoint).Port;
            Assert.NotEqual(taken, platform.GatewayUrl.Port);
            using var http = new HttpClient();
            var health = await http.GetAsync(new Uri(platform.GatewayUrl, "health/ready"));
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }
        finally
        {
            squatter?.Stop();
        }
    }
}

[CollectionDefinition(PortTakenBeforeBindTests.Name, DisableParallelization = true)]
public sealed class PortTakenBeforeBindCollection;
