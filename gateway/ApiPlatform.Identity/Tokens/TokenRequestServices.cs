using ApiPlatform.Identity.Clients;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;

namespace ApiPlatform.Identity.Tokens;

internal sealed record TokenRequestServices(
    HttpContext HttpContext,
    ClientRegistry Clients,
    IOpenIddictScopeManager Scopes,
    IOptions<IdentityServerOptions> Options,
    TimeProvider Time,
    CancellationToken CancellationToken);
