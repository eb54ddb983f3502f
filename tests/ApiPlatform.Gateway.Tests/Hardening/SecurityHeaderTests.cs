using System.Net;
using ApiPlatform.Contracts;
using ApiPlatform.Gateway.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace ApiPlatform.Gateway.Tests.Hardening;

[Collection(GatewayCollection.Name)]
public sealed class SecurityHeaderTests(GatewayFixture fixture)
{
    private const string Csp = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    [Theory]
    [InlineData("/nothing/here")]
    [InlineData("/system/crm/v1/accounts")]
    [InlineData("/catalog/apis")]
    public async Task Gateway_generated_responses_carry_the_security_headers_and_a_strict_csp(string path)
    {
        using var response = await fixture.Gateway.GetAsync(path);

        AssertSecurityHeaders(response);
        Assert.Equal(Csp, Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
    }

    [Fact]
    public async Task Proxied_responses_carry_the_security_headers_but_not_the_gateways_csp()
    {
        using var response = await fixture.Gateway.GetAsync("/system/crm/v1/accounts", fixture.Token("crm", "system:crm"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertSecurityHeaders(response);
        Assert.False(response.Headers.Contains("Content-Security-Policy"));
    }

    [Fact]
    public async Task Cors_answers_allowlisted_origins_only()
    {
        await using var gateway = await TestGateway.StartAsync(fixture, new Dictionary<string, string?>
        {
            ["Gateway:Cors:AllowedOrigins:0"] = "https://portal.example.com",
        });

        using var allowed = await Preflight(gateway.Host, "https://portal.example.com");
        using var refused = await Preflight(gateway.Host, "https://evil.example.com");

        Assert.Equal(HttpStatusCode.NoContent, allowed.StatusCode);
        Assert.Equal("https://portal.example.com", Assert.Single(allowed.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Contains(PlatformHeaders.IdempotencyKey, string.Join(",", allowed.Headers.GetValues("Access-Control-Allow-Headers")), StringComparison.OrdinalIgnoreCase);
        Assert.False(refused.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Theory]
    [InlineData("*")]
    [InlineData("https://*.example.com")]
    [InlineData("https://portal.example.com/path")]
    public async Task A_wildcard_or_non_origin_in_the_cors_allowlist_stops_the_start(string origin)
    {
        var catalog = TestCatalog.Write(fixture.Backend.Upstream, DateTimeOffset.UtcNow.AddDays(30));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => GatewayHost.StartAsync(catalog, fixture.Issuer,
            new Dictionary<string, string?> { ["Gateway:Cors:AllowedOrigins:0"] = origin }));

        Assert.Contains("Gateway:Cors:AllowedOrigins", error.Message, StringComparison.Ordinal);
        TestCatalog.Delete(catalog);
    }

    private static Task<HttpResponseMessage> Preflight(GatewayHost gateway, string origin) =>
        gateway.SendAsync(HttpMethod.Options, "/experience/partner-portal/v2/orders", headers: headers =>
        {
            headers.Add("Origin", origin);
            headers.Add("Access-Control-Request-Method", "POST");
            headers.Add("Access-Control-Request-Headers", "authorization,idempotency-key,content-type");
        });

    private static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
    }
}
