using System.Security.Claims;
using ApiPlatform.ServiceDefaults.Auth;

namespace ApiPlatform.ServiceDefaults.Tests;

public sealed class ClaimsPrincipalExtensionsTests
{
    [Theory]
    [InlineData("system:crm", "system:crm", true)]
    [InlineData("system:erp system:crm", "system:crm", true)]
    [InlineData("system:crm2 system:crmx", "system:crm", false)]
    [InlineData("xsystem:crm", "system:crm", false)]
    [InlineData("", "system:crm", false)]
    [InlineData("system:crm  system:erp", "system:erp", true)]
    public void A_scope_matches_only_a_whole_space_separated_value(string claim, string scope, bool expected)
    {
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim("scope", claim)], "test"));

        Assert.Equal(expected, user.HasScope(scope));
    }

    [Fact]
    public void Scopes_may_come_as_several_claims()
    {
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim("scope", "system:erp"), new Claim("scope", "system:crm")], "test"));

        Assert.True(user.HasScope("system:crm"));
        Assert.False(user.HasScope("process:quote-to-cash"));
    }

    [Fact]
    public void A_caller_with_a_tenant_sees_only_that_tenant_and_one_without_sees_all()
    {
        var partner = new ClaimsPrincipal(new ClaimsIdentity([new Claim("tenant", "acme")], "test"));
        var internalApp = new ClaimsPrincipal(new ClaimsIdentity([new Claim("client_id", "sales-app")], "test"));

        Assert.True(partner.CanSee("acme"));
        Assert.False(partner.CanSee("globex"));
        Assert.True(internalApp.CanSee("globex"));
        Assert.Equal("sales-app", internalApp.GetClientId());
    }
}
