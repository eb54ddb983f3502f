using System.Net;
using ApiPlatform.Gateway.Tests.Infrastructure;
using ApiPlatform.ServiceDefaults.Errors;

namespace ApiPlatform.Gateway.Tests;

[Collection(GatewayCollection.Name)]
public sealed class AuthorizationTests(GatewayFixture fixture)
{
    [Fact]
    public async Task No_token_answers_a_problem_401_with_a_bearer_challenge()
    {
        using var response = await fixture.Gateway.GetAsync("/system/crm/v1/accounts");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, ProblemTypes.Unauthorized);
        Assert.Contains(response.Headers.WwwAuthenticate, challenge => challenge.Scheme == "Bearer");
    }

    [Fact]
    public async Task Token_without_the_api_scope_answers_a_problem_403()
    {
        using var response = await fixture.Gateway.GetAsync("/system/crm/v1/accounts", fixture.Token("crm", "system:erp"));

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, ProblemTypes.Forbidden);
    }

    [Fact]
    public async Task Token_for_an_audience_outside_the_catalog_answers_401()
    {
        using var response = await fixture.Gateway.GetAsync("/system/crm/v1/accounts", fixture.Token("somebody-else", "system:crm"));

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, ProblemTypes.Unauthorized);
    }

    [Fact]
    public async Task Token_from_another_issuer_answers_401()
    {
        await using var stranger = await TestIssuer.StartAsync();

        using var response = await fixture.Gateway.GetAsync("/system/crm/v1/accounts", stranger.CreateToken("crm", "system:crm"));

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, ProblemTypes.Unauthorized);
    }

    [Fact]
    public async Task Token_for_another_catalog_api_is_accepted_when_it_carries_the_scope()
    {
        using var response = await fixture.Gateway.GetAsync("/system/crm/v1/accounts", fixture.Token("erp", "system:erp system:crm"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/system/crm/v9/accounts")]
    [InlineData("/system/crm/v2/accounts")]
    [InlineData("/system/erp/v1/orders")]
    public async Task Unauthenticated_callers_learn_nothing_about_versions(string path)
    {
        using var response = await fixture.Gateway.GetAsync(path);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, ProblemTypes.Unauthorized);
    }

    [Fact]
    public async Task Callers_without_the_scope_get_403_before_lifecycle_answers()
    {
        using var response = await fixture.Gateway.GetAsync("/system/erp/v1/orders", fixture.Token("crm", "system:crm"));

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, ProblemTypes.Forbidden);
    }
}
