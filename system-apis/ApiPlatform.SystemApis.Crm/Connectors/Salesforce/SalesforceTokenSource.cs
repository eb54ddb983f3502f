using ApiPlatform.VendorConnectors.Upstream;
using Microsoft.Extensions.Options;


namespace ApiPlatform.SystemApis.Crm.Connectors.Salesforce;

/// <summary>The org's client-credentials access token, fetched once and shared until it expires or is refused.</summary>
public sealed class SalesforceTokenSource(IServiceProvider services, IOptions<SalesforceOptions> options, TimeProvider time)
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private (string Token, DateTimeOffset ExpiresAt)? current;

    public async Task<string> GetAsync(CancellationToken cancellationToken)
    {
        if (current is { } cached && cached.ExpiresAt > time.GetUtcNow())
        {
            return cached.Token;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            if (current is { } fresh && fresh.ExpiresAt > time.GetUtcNow())
            {
                return fresh.Token;
            }

            var token = await FetchAsync(cancellationToken);
            current = (token, time.GetUtcNow().AddMinutes(options.Value.TokenLifetimeMinutes));
            return token;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Forgets a token Salesforce refused (expired or revoked session), unless another was fetched meanwhile.</summary>
    public void Invalidate(string token)
    {
        if (current?.Token == token)
        {
            current = null;
        }
    }

    private async Task<string> FetchAsync(CancellationToken cancellationToken)
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = options.Value.ClientId,
            ["client_secret"] = options.Value.ClientSecret,
        };
        var token = await VendorCall.RunAsync(SalesforceCrmConnector.Vendor, () => services.GetRequiredService<ISalesforceAuthApi>().TokenAsync(form, cancellationToken), error =>
            error.StatusCode is System.Net.HttpStatusCode.BadRequest or System.Net.HttpStatusCode.Unauthorized
                ? UpstreamProblems.Refused(SalesforceCrmConnector.SystemName, "salesforce refused the platform's client credentials.")
                : null);
        return token.AccessToken is { Length: > 0 and <= 4096 } accessToken
            ? accessToken
            : throw UpstreamProblems.BadAnswer(SalesforceCrmConnector.SystemName, "a token response without an access token");
    }
}
