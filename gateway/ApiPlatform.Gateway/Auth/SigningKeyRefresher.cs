using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace ApiPlatform.Gateway.Auth;

/// <summary>
/// Fetches the token server's signing keys now, at most once per <c>Gateway:SigningKeyRefreshInterval</c>. JwtBearer
/// only schedules a background refresh when a token names an unknown key, so the first tokens signed after a key
/// rotation would be refused; with these keys they are validated again in the same request.
/// </summary>
internal sealed class SigningKeyRefresher(IOptions<GatewayOptions> gateway, TimeProvider time)
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private ICollection<SecurityKey> keys = [];
    private DateTimeOffset fetchedAt = DateTimeOffset.MinValue;

    public async Task<ICollection<SecurityKey>> KeysAsync(JwtBearerOptions options, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            var now = time.GetUtcNow();
            if (now - fetchedAt >= gateway.Value.SigningKeyRefreshInterval || now < fetchedAt)
            {
                fetchedAt = now;
                var retriever = new HttpDocumentRetriever(options.Backchannel) { RequireHttps = options.RequireHttpsMetadata };
                var configuration = await OpenIdConnectConfigurationRetriever.GetAsync(options.MetadataAddress, retriever, cancellationToken);
                keys = configuration.SigningKeys;
                // The handler's own configuration catches up in the background.
                options.ConfigurationManager?.RequestRefresh();
            }
            return keys;
        }
        finally
        {
            gate.Release();
        }
    }
}
