using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace ApiPlatform.Identity.Server;

/// <summary>
/// Answers <c>invalid_scope</c> (RFC 6749 §5.2) when an authenticated client asks for a scope it is not subscribed
/// to; OpenIddict's own permission check, which runs next, would answer <c>invalid_request</c>.
/// </summary>
internal sealed class RejectUnpermittedScopes(IOpenIddictApplicationManager applications) : IOpenIddictServerHandler<ValidateTokenRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } = OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateTokenRequestContext>()
        .AddFilter<OpenIddictServerHandlerFilters.RequireClientIdParameter>()
        .UseScopedHandler<RejectUnpermittedScopes>()
        .SetOrder(OpenIddictServerHandlers.Exchange.ValidateScopePermissions.Descriptor.Order - 1)
        .SetType(OpenIddictServerHandlerType.Custom)
        .Build();

    public async ValueTask HandleAsync(ValidateTokenRequestContext context)
    {
        var application = await applications.FindByClientIdAsync(context.ClientId!)
            ?? throw new InvalidOperationException($"Client '{context.ClientId}' passed authentication but is not in the application store.");
        foreach (var scope in context.Request.GetScopes())
        {
            if (!await applications.HasPermissionAsync(application, Permissions.Prefixes.Scope + scope))
            {
                context.Reject(Errors.InvalidScope, $"The client is not allowed the scope '{scope}'.");
                return;
            }
        }
    }
}
