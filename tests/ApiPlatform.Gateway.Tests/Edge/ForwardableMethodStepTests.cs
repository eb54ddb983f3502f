using ApiPlatform.Gateway.Edge.Steps;
using ApiPlatform.Gateway.Tests.Infrastructure;
using ApiPlatform.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Http;

namespace ApiPlatform.Gateway.Tests.Edge;

[Collection(GatewayCollection.Name)]
public sealed class ForwardableMethodStepTests(GatewayFixture fixture)
{
    private readonly EdgeStepHarness edge = new(fixture.Gateway);

    [Fact]
    public async Task A_method_the_gateway_cannot_forward_is_answered_405_with_Allow()
    {
        var request = edge.Request("api-crm", "TRACE", "/system/crm/v1/accounts");

        Assert.False(await edge.Step<ForwardableMethodStep>().AdmitAsync(request));

        EdgeStepHarness.Problem(request, StatusCodes.Status405MethodNotAllowed, ProblemTypes.MethodNotAllowed);
        Assert.Equal("GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS", request.Context.Response.Headers.Allow.ToString());
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("PATCH")]
    [InlineData("OPTIONS")]
    public async Task A_forwardable_method_passes_at_once(string method)
    {
        var admitted = edge.Step<ForwardableMethodStep>().AdmitAsync(edge.Request("api-crm", method, "/system/crm/v1/accounts"));

        Assert.True(admitted.IsCompletedSuccessfully);
        Assert.True(await admitted);
    }
}
