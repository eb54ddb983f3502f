using ApiPlatform.Identity.Clients;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace ApiPlatform.Identity.Server;

/// <summary>
/// Replaces OpenIddict's authorized-party check for token exchange, which wants the calling client id among the subject
/// token's audiences or presenters. Here audiences are API names, so a service client (<c>svc-{api}</c>) may exchange
/// exactly the tokens addressed to the API it serves, including tokens other services exchanged for it.
/// </summary>
internal sealed class ValidateSubjectTokenAudience(ClientRegistry clients) : IOpenIddictServerHandler<ValidateTokenRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } = OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateTokenRequestContext>()
        .UseSingletonHandler<ValidateSubjectTokenAudience>()
        .SetOrder(OpenIddictServerHandlers.Exchange.ValidateAuthorizedParty.Descriptor.Order)
        .SetType(OpenIddictServerHandlerType.Custom)
        .Build();

    public ValueTask HandleAsync(ValidateTokenRequestContext context)
    {
        if (!context.Request.IsTokenExchangeGrantType())
        {
            return ValueTask.CompletedTask;
        }

        var api = clients.ApiServedBy(context.ClientId);
        if (api is null || context.SubjectTokenPrincipal is not { } subject || !subject.HasAudience(api))
        {
            context.Reject(Errors.InvalidGrant, "The subject token is not addressed to the API this client serves.");
        }
        return ValueTask.CompletedTask;
    }
}
