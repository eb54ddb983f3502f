using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using ApiPlatform.Gateway.Tests.Infrastructure;

namespace ApiPlatform.Gateway.Tests;

[Collection(GatewayCollection.Name)]
public sealed class CorrelationTests(GatewayFixture fixture)
{
    private const string Header = "X-Correlation-Id";

    [Fact]
    public async Task Generates_a_correlation_id_and_forwards_it_upstream()
    {
        using var response = await fixture.Gateway.GetAsync("/system/crm/v1/accounts", fixture.Token("crm", "system:crm"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var correlationId = Assert.Single(response.Headers.GetValues(Header));
        Assert.False(string.IsNullOrWhiteSpace(correlationId));
        var echoed = await response.Content.ReadFromJsonAsync<EchoedRequest>();
        Assert.Equal(correlationId, echoed!.Header(Header));
    }

    [Fact]
    public async Task Echoes_the_callers_correlation_id_once_and_forwards_it_upstream()
    {
        using var response = await fixture.Gateway.GetAsync("/system/crm/v1/accounts", fixture.Token("crm", "system:crm"),
            headers => headers.Add(Header, "order-42"));

        Assert.Equal("order-42", Assert.Single(response.Headers.GetValues(Header)));
        var echoed = await response.Content.ReadFromJsonAsync<EchoedRequest>();
        Assert.Equal("order-42", echoed!.Header(Header));
    }

    [Fact]
    public async Task Replaces_an_invalid_correlation_id_upstream_too()
    {
        using var response = await fixture.Gateway.GetAsync("/system/crm/v1/accounts", fixture.Token("crm", "system:crm"),
            headers => headers.TryAddWithoutValidation(Header, "not valid <script>"));

        var correlationId = Assert.Single(response.Headers.GetValues(Header));
        Assert.NotEqual("not valid <script>", correlationId);
        var echoed = await response.Content.ReadFromJsonAsync<EchoedRequest>();
        Assert.Equal(correlationId, echoed!.Header(Header));
    }

    [Fact]
    public async Task Propagates_the_trace_context_upstream()
    {
        var (caller, upstream) = await CallWithTraceparentAsync();

        Assert.Equal(caller.TraceId.ToHexString(), upstream[1]);
    }

    [Fact]
    public async Task With_a_tracing_listener_the_gateway_adds_its_own_span()
    {
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);

        var (caller, upstream) = await CallWithTraceparentAsync();

        Assert.Equal(caller.TraceId.ToHexString(), upstream[1]);
        Assert.NotEqual(caller.SpanId.ToHexString(), upstream[2]);
    }

    private async Task<(Activity Caller, string[] Upstream)> CallWithTraceparentAsync()
    {
        using var caller = new Activity("test-caller").SetIdFormat(ActivityIdFormat.W3C).Start();
        using var response = await fixture.Gateway.GetAsync("/system/crm/v1/accounts", fixture.Token("crm", "system:crm"),
            headers => headers.TryAddWithoutValidation("traceparent", caller.Id));

        var echoed = await response.Content.ReadFromJsonAsync<EchoedRequest>();
        var traceparent = echoed!.Header("traceparent")?.Split('-');
        Assert.NotNull(traceparent);
        return (caller, traceparent);
    }
}
