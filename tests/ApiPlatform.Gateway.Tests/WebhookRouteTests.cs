using System.Net;
using System.Net.Http.Json;
using System.Text;
using ApiPlatform.Gateway.Audit;
using ApiPlatform.Gateway.Tests.Infrastructure;
using ApiPlatform.ServiceDefaults.Errors;

namespace ApiPlatform.Gateway.Tests;

/// <summary>A catalog webhook (finance's <c>/webhooks/stripe/{tenant}</c>) reaches a real upstream on loopback without a token.</summary>
[Collection(GatewayCollection.Name)]
public sealed class WebhookRouteTests(GatewayFixture fixture)
{
    private const string Path = "/webhooks/stripe/initech";
    private const string Payload = "{\"id\":\"evt_1Webhook\",  \"object\":\"event\",\n \"data\":{\"name\":\"Müller & Söhne – ≥ 1 €\"}}";

    [Fact]
    public async Task A_post_without_a_token_reaches_the_upstream_at_the_same_path_with_its_body_and_signature_unchanged()
    {
        await using var gateway = await StartAsync();

        using var response = await PostAsync(gateway, Path, Payload);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var echoed = await response.Content.ReadFromJsonAsync<EchoedRequest>();
        Assert.Equal("POST", echoed!.Method);
        Assert.Equal(Path, echoed.Target);
        Assert.Equal(Payload, echoed.Body);
        Assert.Equal(Encoding.UTF8.GetByteCount(Payload).ToString(System.Globalization.CultureInfo.InvariantCulture), echoed.Header("Content-Length"));
        Assert.Equal("t=1764237600,v1=5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd", echoed.Header("Stripe-Signature"));
        Assert.Null(echoed.Header("Authorization"));
    }

    [Fact]
    public async Task Only_post_is_forwarded_and_only_on_the_declared_path()
    {
        await using var gateway = await StartAsync();
        var before = fixture.Backend.Requests;

        using var get = await gateway.Host.GetAsync(Path);
        using var put = await gateway.Host.SendAsync(HttpMethod.Put, Path, content: new StringContent(Payload));
        using var shorter = await PostAsync(gateway, "/webhooks/stripe", Payload);
        using var longer = await PostAsync(gateway, Path + "/extra", Payload);

        foreach (var response in new[] { get, put, shorter, longer })
        {
            Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed, $"{response.RequestMessage!.Method}: {(int)response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        Assert.Equal(before, fixture.Backend.Requests);
    }

    [Fact]
    public async Task A_body_above_the_webhooks_limit_is_413_and_never_reaches_the_upstream()
    {
        await using var gateway = await StartAsync(bodyLimit: 256);
        var before = fixture.Backend.Requests;

        using var response = await PostAsync(gateway, Path, "{\"pad\":\"" + new string('x', 300) + "\"}");

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, ProblemTypes.PayloadTooLarge);
        Assert.Equal(before, fixture.Backend.Requests);
    }

    [Fact]
    public async Task Requests_beyond_the_rate_limit_of_one_source_address_are_429_with_retry_after()
    {
        await using var gateway = await StartAsync(requests: 2);

        using var first = await PostAsync(gateway, Path, Payload);
        using var second = await PostAsync(gateway, Path, Payload);
        using var third = await PostAsync(gateway, Path, Payload);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        await third.AssertProblemAsync(HttpStatusCode.TooManyRequests, ProblemTypes.RateLimited);
        Assert.NotNull(third.Headers.RetryAfter);
    }

    [Fact]
    public async Task Every_webhook_request_is_audited_with_its_source_and_status()
    {
        await using var gateway = await StartAsync(bodyLimit: 256);

        using var accepted = await PostAsync(gateway, Path, Payload, correlationId: "webhook-1");
        using var refused = await PostAsync(gateway, Path, new string('x', 300));

        var records = gateway.Host.Logs.Category(TrafficAuditLog.Category).ToList();
        Assert.Equal([200, 413], records.Select(r => r.Fields["Status"]));
        Assert.All(records, r => Assert.Equal("webhook-finance-stripe", r.Fields["Webhook"]));
        Assert.All(records, r => Assert.Equal("finance", r.Fields["Api"]));
        Assert.Equal("127.0.0.1", records[0].Fields["SourceAddress"]);
        Assert.Equal(Path, records[0].Fields["Route"]);
        Assert.Equal("webhook-1", records[0].Fields["CorrelationId"]);
        Assert.DoesNotContain("t=1764237600", string.Join(" ", records[0].Fields.Values) + records[0].Message, StringComparison.Ordinal);
    }

    /// <summary>A gateway of the test's own over the test catalog, whose finance API (upstream: the test backend) declares the webhook.</summary>
    private async Task<WebhookGateway> StartAsync(long bodyLimit = 524_288, int requests = 1_000)
    {
        var catalog = TestCatalog.Write(fixture.Backend.Upstream, DateTimeOffset.UtcNow.AddDays(30));
        await File.AppendAllTextAsync(System.IO.Path.Combine(catalog, "apis", "finance.yaml"), $$"""
            webhooks:
              - name: stripe
                path: /webhooks/stripe/{tenant}
                authentication: signature
                bodyLimitBytes: {{bodyLimit}}
                rateLimit:
                  requests: {{requests}}
                  windowSeconds: 3600

            """);
        var host = await GatewayHost.StartAsync(catalog, fixture.Issuer, new Dictionary<string, string?>
        {
            ["Gateway:Upstreams:finance"] = fixture.Backend.Address.AbsoluteUri,
        });
        return new WebhookGateway(catalog, host);
    }

    private static Task<HttpResponseMessage> PostAsync(WebhookGateway gateway, string path, string body, string? correlationId = null) =>
        gateway.Host.SendAsync(HttpMethod.Post, path, content: new StringContent(body, Encoding.UTF8, "application/json"), headers: headers =>
        {
            headers.TryAddWithoutValidation("Stripe-Signature", "t=1764237600,v1=5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd");
            if (correlationId is not null)
            {
                headers.Add("X-Correlation-Id", correlationId);
            }
        });

    private sealed class WebhookGateway(string catalog, GatewayHost host) : IAsyncDisposable
    {
        public GatewayHost Host { get; } = host;

        public async ValueTask DisposeAsync()
        {
            await Host.DisposeAsync();
            TestCatalog.Delete(catalog);
        }
    }
}
