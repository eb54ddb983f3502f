using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace ApiPlatform.Identity.Server;

/// <summary>
/// Discovery names the token, JWKS, authorization and end-session endpoints under the public issuer (the gateway), not under whatever address
/// the request reached: clients discover through the gateway, and services map the issuer back to the authority.
/// </summary>
internal sealed class AdvertiseEndpointsUnderIssuer : IOpenIddictServerHandler<HandleConfigurationRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } = OpenIddictServerHandlerDescriptor.CreateBuilder<HandleConfigurationRequestContext>()
        .UseSingletonHandler<AdvertiseEndpointsUnderIssuer>()
        .SetOrder(OpenIddictServerHandlers.Discovery.AttachEndpoints.Descriptor.Order - 1)
        .SetType(OpenIddictServerHandlerType.Custom)
        .Build();

    public ValueTask HandleAsync(HandleConfigurationRequestContext context)
    {
        if (context.Options.Issuer is { } issuer)
        {
            var root = new Uri(issuer.AbsoluteUri.TrimEnd('/') + "/");
            context.TokenEndpoint = Under(root, context.Options.TokenEndpointUris);
            context.JsonWebKeySetEndpoint = Under(root, context.Options.JsonWebKeySetEndpointUris);
            context.AuthorizationEndpoint = Under(root, context.Options.AuthorizationEndpointUris);
            context.EndSessionEndpoint = Under(root, context.Options.EndSessionEndpointUris);
        }
        return ValueTask.CompletedTask;
    }

    private static Uri? Under(Uri root, IReadOnlyList<Uri> endpoints) =>
        endpoints.Count == 0 ? null : endpoints[0].IsAbsoluteUri ? endpoints[0] : new Uri(root, endpoints[0].OriginalString.TrimStart('/'));
}
