using ApiPlatform.Identity.People;
using Microsoft.AspNetCore;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ApiPlatform.Identity.Tokens;

/// <summary>
/// <c>POST /connect/token</c>. OpenIddict has already authenticated the client, checked its grant type and scope
/// permissions and validated any subject token, code (with its PKCE verifier) or refresh token; this builds the principal
/// of the token to issue.
/// </summary>
internal static class TokenEndpoint
{
    public static async Task<IResult> HandleAsync(
        [AsParameters] TokenRequestServices services, PeopleDirectory people, IOpenIddictAuthorizationManager authorizations)
    {
        var request = services.HttpContext.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenIddict server request is missing: is the token endpoint passthrough enabled?");

        if (request.IsClientCredentialsGrantType())
        {
            return await ClientCredentialsGrant.HandleAsync(request, services);
        }
        if (request.IsTokenExchangeGrantType())
        {
            return await TokenExchangeGrant.HandleAsync(request, services);
        }
        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            return await PersonGrant.HandleAsync(request, services, people, authorizations);
        }
        return TokenResults.Reject(Errors.UnsupportedGrantType, "The grant type is not supported.");
    }
}
