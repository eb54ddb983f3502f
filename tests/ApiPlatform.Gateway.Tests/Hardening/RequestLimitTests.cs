using System.Net;
using System.Net.Sockets;
using System.Text;
using ApiPlatform.Contracts;
using ApiPlatform.Gateway.Tests.Infrastructure;
using ApiPlatform.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ApiPlatform.Gateway.Tests.Hardening;

[Collection(GatewayCollection.Name)]
public sealed class RequestLimitTests(GatewayFixture fixture)
{
    [Fact]
    public async Task Kestrel_limits_come_from_the_options()
    {
        await using var gateway = await TestGateway.StartAsync(fixture, new Dictionary<string, string?>
        {
            ["Gateway:Limits:MaxRequestHeaderCount"] = "20",
            ["Gateway:Limits:MaxConcurrentConnections"] = "500",
            ["Gateway:Limits:RequestHeadersTimeout"] = "00:00:05",
        });

        var limits = gateway.Host.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.Limits;
        using var tooManyHeaders = await gateway.Host.GetAsync("/system/crm/v1/accounts", headers: headers =>
        {
            for (var i = 0; i < 25; i++)
            {
                headers.Add($"X-Filler-{i}", "x");
            }
        });
        var longLine = await RawStatusLineAsync(gateway.Host.Address, $"GET /{new string('a', 9000)} HTTP/1.1\r\nHost: x\r\n\r\n");

        Assert.Equal(20, limits.MaxRequestHeaderCount);
        Assert.Equal(500, limits.MaxConcurrentConnections);
        Assert.Equal(TimeSpan.FromSeconds(5), limits.RequestHeadersTimeout);
        Assert.Equal(32 * 1024, limits.MaxRequestHeadersTotalSize);
        Assert.Equal(240, limits.MinRequestBodyDataRate!.BytesPerSecond);
        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, tooManyHeaders.StatusCode);
        Assert.Contains(" 414 ", longLine, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_declared_body_over_the_catalogs_limit_answers_413_problem()
    {
        var token = fixture.Token("partner-portal", "experience:partner-portal");

        using var response = await fixture.Gateway.PostAsync("/experience/partner-portal/v2/orders", token,
            new string('x', TestCatalog.PartnerPortalBodyLimit + 1), Guid.NewGuid().ToString());

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, ProblemTypes.PayloadTooLarge);
    }

    [Theory]
    [InlineData("/experience/partner-portal/v2/orders", "partner-portal", "experience:partner-portal")]
    [InlineData("/system/crm/v1/accounts", "crm", "system:crm")]
    public async Task A_chunked_body_over_the_catalogs_limit_answers_413_problem(string path, string audience, string scope)
    {
        var size = audience == "crm" ? 1_048_576 + 1 : TestCatalog.PartnerPortalBodyLimit + 1;
        using var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(new string('x', size))));
        content.Headers.ContentLength = null;

        using var response = await fixture.Gateway.SendAsync(HttpMethod.Post, path, fixture.Token(audience, scope), content,
            headers =>
            {
                headers.TransferEncodingChunked = true;
                headers.Add(PlatformHeaders.IdempotencyKey, Guid.NewGuid().ToString());
            });

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, ProblemTypes.PayloadTooLarge);
    }

    private static async Task<string> RawStatusLineAsync(Uri address, string request)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(address.Host, address.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        var buffer = new byte[256];
        var read = await stream.ReadAsync(buffer);
        return Encoding.ASCII.GetString(buffer, 0, read).Split("\r\n")[0] + " ";
    }
}
