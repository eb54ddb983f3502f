using System.Net;
using System.Security.Claims;
using ApiPlatform.Gateway.Audit;
using ApiPlatform.Gateway.Tests.Infrastructure;
using ApiPlatform.ServiceDefaults.Auth;
using ApiPlatform.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ApiPlatform.Gateway.Tests;

/// <summary>A fault inside the gateway on an API route: the caller gets a problem, never a dropped connection or internals.</summary>
[Collection(GatewayCollection.Name)]
public sealed class PipelineFaultTests(GatewayFixture fixture)
{
    [Fact]
    public async Task An_exception_on_an_api_route_answers_a_problem_500_with_the_correlation_id_and_is_audited()
    {
        await using var gateway = await TestGateway.StartAsync(fixture,
            services: services => services.AddSingleton<IClaimsTransformation, FaultyClaimsTransformation>());

        using var healthy = await gateway.Host.GetAsync("/system/crm/v1/accounts", fixture.Token("crm", "system:crm"));
        using var faulted = await gateway.Host.GetAsync("/system/crm/v1/accounts",
            fixture.Issuer.CreateToken("crm", "system:crm", clientId: FaultyClaimsTransformation.Client),
            headers => headers.Add("X-Correlation-Id", "fault-1"));

        Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);
        var problem = await faulted.AssertProblemAsync(HttpStatusCode.InternalServerError, ProblemTypes.Internal);
        Assert.Equal("fault-1", problem.GetProperty("correlationId").GetString());
        Assert.Equal("fault-1", Assert.Single(faulted.Headers.GetValues("X-Correlation-Id")));
        // Logged as an error for operators (the problem's detail carries it only in Development, as this host runs).
        var logged = Assert.Single(gateway.Host.Logs.Records, r => r.Level == LogLevel.Error);
        Assert.Equal("ApiPlatform.ServiceDefaults.Errors.PlatformExceptionHandler", logged.Category);
        Assert.Contains("no-store", faulted.Headers.CacheControl?.ToString());
        Assert.Equal("nosniff", Assert.Single(faulted.Headers.GetValues("X-Content-Type-Options")));
        var records = gateway.Host.Logs.Category(TrafficAuditLog.Category).ToList();
        Assert.Equal([200, 500], records.Select(r => r.Fields["Status"]));
        Assert.Equal("fault-1", records[1].Fields["CorrelationId"]);
    }

    /// <summary>A claims transformation with a bug that shows only for one client's tokens.</summary>
    private sealed class FaultyClaimsTransformation : IClaimsTransformation
    {
        public const string Client = "faulty-client";

        public Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal) =>
            principal.GetClientId() == Client ? throw new InvalidOperationException("A bug in a claims transformation.") : Task.FromResult(principal);
    }
}
