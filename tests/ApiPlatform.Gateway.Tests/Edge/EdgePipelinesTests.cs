using ApiPlatform.Gateway.Edge;
using ApiPlatform.Gateway.Edge.Recorders;
using ApiPlatform.Gateway.Edge.Steps;
using ApiPlatform.Gateway.Idempotency;
using ApiPlatform.Gateway.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ApiPlatform.Gateway.Tests.Edge;

/// <summary>Every proxied route carries the pipeline of its kind, with the policies in the order docs/gateway.md gives.</summary>
[Collection(GatewayCollection.Name)]
public sealed class EdgePipelinesTests(GatewayFixture fixture)
{
    private readonly EdgeStepHarness edge = new(fixture.Gateway);

    [Fact]
    public void An_API_route_checks_method_body_token_scope_lifecycle_and_plan_in_that_order_and_records_SLO_and_audit()
    {
        var pipeline = edge.Route("api-crm").Pipeline;

        Assert.Equal([typeof(ForwardableMethodStep), typeof(BodyLimitStep), typeof(AuthenticationStep), typeof(ScopeStep),
            typeof(LifecycleStep), typeof(PlanLimitStep)], pipeline.Steps.Select(step => step.GetType()));
        Assert.Equal([typeof(SloMeasurement), typeof(TrafficAuditing)], pipeline.Recorders.Select(recorder => recorder.GetType()));
        Assert.IsType<IdempotentForwarding>(pipeline.Forwarding);
    }

    [Fact]
    public void Only_API_routes_take_idempotency_keys()
    {
        foreach (var route in new[] { "identity-connect", "identity-discovery", "operations-crm-messaging", "operations-erp-workflows" })
        {
            Assert.Null(edge.Route(route).Pipeline.Forwarding);
        }
    }

    [Fact]
    public void Every_proxied_route_has_an_edge_pipeline()
    {
        var proxied = fixture.Gateway.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Where(endpoint => endpoint.Metadata.GetMetadata<Yarp.ReverseProxy.Model.RouteModel>() is not null)
            .ToList();

        Assert.NotEmpty(proxied);
        Assert.All(proxied, endpoint => Assert.NotNull(endpoint.Metadata.GetMetadata<EdgeRoute>()));
        Assert.Equal(["api", "discovery", "operations", "token-endpoint"],
            proxied.Select(endpoint => endpoint.Metadata.GetMetadata<EdgeRoute>()!.Pipeline.Kind).Distinct().Order());
    }
}
