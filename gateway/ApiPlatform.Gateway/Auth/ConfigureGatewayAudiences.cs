using ApiPlatform.Catalog;
using ApiPlatform.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;

namespace ApiPlatform.Gateway.Auth;

/// <summary>
/// Tokens are issued for one API (audience = api name), so the gateway accepts every API of the catalog as
/// audience besides its own, and the platform audience for its governance endpoints; the route's scope policy then
/// decides which API the token may reach.
/// </summary>
internal sealed class ConfigureGatewayAudiences(ApiCatalog catalog) : IPostConfigureOptions<JwtBearerOptions>
{
    public void PostConfigure(string? name, JwtBearerOptions options)
    {
        if (name != JwtBearerDefaults.AuthenticationScheme)
        {
            return;
        }

        var parameters = options.TokenValidationParameters;
        parameters.ValidateAudience = true;
        parameters.ValidAudiences = [.. catalog.Apis.Select(a => a.Name), PlatformPolicies.AdminAudience];
    }
}
