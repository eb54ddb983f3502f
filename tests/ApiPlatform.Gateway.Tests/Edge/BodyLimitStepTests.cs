using ApiPlatform.Gateway.Edge.Steps;
using ApiPlatform.Gateway.Tests.Infrastructure;
using ApiPlatform.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Http;

namespace ApiPlatform.Gateway.Tests.Edge;

[Collection(GatewayCollection.Name)]
public sealed class BodyLimitStepTests(GatewayFixture fixture)
{
    private readonly EdgeStepHarness edge = new(fixture.Gateway);

    [Fact]
    public async Task A_declared_length_above_the_APIs_limit_is_answered_413_naming_the_limit()
    {
        var request = edge.Request("api-partner-portal", "POST", "/experience/partner-portal/v2/orders",
            contentLength: TestCatalog.PartnerPortalBodyLimit + 1);

        Assert.False(await edge.Step<BodyLimitStep>().AdmitAsync(request));

        var problem = EdgeStepHarness.Problem(request, StatusCodes.Status413PayloadTooLarge, ProblemTypes.PayloadTooLarge);
        Assert.Equal($"The partner-portal API accepts request bodies of at most {TestCatalog.PartnerPortalBodyLimit} bytes.",
            problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_body_at_the_limit_passes()
    {
        var request = edge.Request("api-partner-portal", "POST", "/experience/partner-portal/v2/orders",
            contentLength: TestCatalog.PartnerPortalBodyLimit);

        Assert.True(await edge.Step<BodyLimitStep>().AdmitAsync(request));
        Assert.Equal(StatusCodes.Status200OK, request.Context.Response.StatusCode);
    }

    [Fact]
    public async Task The_token_endpoint_has_a_limit_of_its_own()
    {
        var request = edge.Request("identity-connect", "POST", "/connect/token", contentLength: 10_000_000);

        Assert.False(await edge.Step<BodyLimitStep>().AdmitAsync(request));

        var problem = EdgeStepHarness.Problem(request, StatusCodes.Status413PayloadTooLarge, ProblemTypes.PayloadTooLarge);
        Assert.StartsWith("The token endpoint accepts request bodies of at most", problem.GetProperty("detail").GetString());
    }
}
