using System.Net;
using System.Text.Json;
using ApiPlatform.Gateway.Edge;
using ApiPlatform.Gateway.Hardening;
using ApiPlatform.Gateway.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ApiPlatform.Gateway.Tests.Edge;

/// <summary>
/// Runs one edge step alone, outside the pipeline: a request on a route of a real gateway host (its services, its
/// catalog-built edge routes), with the response written to memory.
/// </summary>
internal sealed class EdgeStepHarness(GatewayHost host)
{
    public TStep Step<TStep>() where TStep : IEdgeStep => ActivatorUtilities.CreateInstance<TStep>(host.Services);

    /// <summary>The edge route the gateway attached to the proxied route <paramref name="routeId"/>.</summary>
    public EdgeRoute Route(string routeId) =>
        host.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Where(endpoint => endpoint.Metadata.GetMetadata<Yarp.ReverseProxy.Model.RouteModel>()?.Config.RouteId == routeId)
            .Select(endpoint => endpoint.Metadata.GetMetadata<EdgeRoute>())
            .Single() ?? throw new InvalidOperationException($"No edge route on {routeId}.");

    public GatewayRequest Request(string routeId, string method, string path, string? token = null, long? contentLength = null,
        string address = "203.0.113.7")
    {
        // As a request of the server: its own DI scope (authentication resolves scoped services).
        var context = new DefaultHttpContext { RequestServices = host.Services.CreateScope().ServiceProvider };
        context.Request.Method = method;
        context.Request.Path = path;
        context.Request.ContentLength = contentLength;
        context.Request.Headers.Accept = "application/json";
        if (token is not null)
        {
            context.Request.Headers.Authorization = $"Bearer {token}";
        }
        context.Connection.RemoteIpAddress = IPAddress.Parse(address);
        context.Response.Body = new MemoryStream();
        var request = new GatewayRequest(context);
        context.Features.Set(request);
        var route = Route(routeId);
        int? major = path.Split('/') is [_, _, _, ['v', .. var digits], ..] && int.TryParse(digits, out var parsed) ? parsed : null;
        request.Begin(route, host.Time.GetUtcNow(), 0, major);
        return request;
    }

    /// <summary>The problem+json the step answered with.</summary>
    public static JsonElement Problem(GatewayRequest request, int status, string type)
    {
        var response = request.Context.Response;
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.ContentType);
        response.Body.Position = 0;
        var problem = JsonDocument.Parse(response.Body).RootElement.Clone();
        Assert.Equal(type, problem.GetProperty("type").GetString());
        return problem;
    }
}
