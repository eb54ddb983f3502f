using System.Net;
using ApiPlatform.Gateway.Tests.Infrastructure;
using ApiPlatform.ServiceDefaults.Errors;

namespace ApiPlatform.Gateway.Tests.Hardening;

[Collection(GatewayCollection.Name)]
public sealed class ForgedTokenTests(GatewayFixture fixture)
{
    // One route per tier, each with a token that is valid but for the forgery.
    private static readonly (string Path, string Audience, string Scope)[] Routes =
    [
        ("/system/erp/v3/orders", "erp", "system:erp"),
        ("/process/quote-to-cash/v1/order-requests", "quote-to-cash", "process:quote-to-cash"),
        ("/experience/partner-portal/v2/orders", "partner-portal", "experience:partner-portal"),
    ];

    public static TheoryData<string> Variants => [.. ForgedTokens.Variants];

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task Every_forgery_answers_401_problem_on_every_tier(string variant)
    {
        foreach (var (path, audience, scope) in Routes)
        {
            var token = ForgedTokens.Create(variant, fixture.Issuer, audience, scope);

            using var response = await fixture.Gateway.GetAsync(path, token);

            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{variant} on {path}: {(int)response.StatusCode}");
            await response.AssertProblemAsync(HttpStatusCode.Unauthorized, ProblemTypes.Unauthorized);
            // JwtBearer's own challenge (RFC 6750): a presented token that fails validation is named invalid_token.
            var challenge = Assert.Single(response.Headers.WwwAuthenticate);
            Assert.Equal("Bearer", challenge.Scheme);
            if (token is not null)
            {
                Assert.Contains("error=\"invalid_token\"", challenge.Parameter, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task The_untampered_tokens_of_the_matrix_are_accepted()
    {
        foreach (var (path, audience, scope) in Routes)
        {
            using var response = await fixture.Gateway.GetAsync(path, fixture.Issuer.CreateToken(audience, scope));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task A_signing_key_rotation_causes_no_401_for_valid_tokens()
    {
        await using var issuer = await TestIssuer.StartAsync();
        var catalog = TestCatalog.Write(fixture.Backend.Upstream, DateTimeOffset.UtcNow.AddDays(30));
        await using var gateway = await GatewayHost.StartAsync(catalog, issuer, new Dictionary<string, string?>());
        var before = issuer.CreateToken("erp", "system:erp");
        using var warmup = await gateway.GetAsync("/system/erp/v3/orders", before);

        var statuses = new List<HttpStatusCode>();
        for (var rotation = 0; rotation < 2; rotation++)
        {
            // Rotations are months apart in production; here just past the least time between two JWKS fetches (30 s).
            gateway.Time.Advance(TimeSpan.FromSeconds(31));
            issuer.RotateKey();
            foreach (var token in new[] { issuer.CreateToken("erp", "system:erp"), before })
            {
                using var response = await gateway.GetAsync("/system/erp/v3/orders", token);
                statuses.Add(response.StatusCode);
            }
        }

        Assert.Equal(HttpStatusCode.OK, warmup.StatusCode);
        Assert.True(statuses.TrueForAll(s => s == HttpStatusCode.OK), string.Join(", ", statuses));
        TestCatalog.Delete(catalog);
    }
}
