using ApiPlatform.Catalog;
using ApiPlatform.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace ApiPlatform.Gateway.Auth;

/// <summary>One authorization policy per API, named after its scope <c>{tier}:{api}</c>, which its route requires.</summary>
internal sealed class ConfigureScopePolicies(ApiCatalog catalog) : IConfigureOptions<AuthorizationOptions>
{
    public void Configure(AuthorizationOptions options)
    {
        foreach (var api in catalog.Apis)
        {
            var scope = api.Scope;
            options.AddPolicy(scope, policy => policy.RequireScope(scope));
        }
    }
}
