using ApiPlatform.ServiceDefaults.Errors;
using ApiPlatform.SystemApis.Crm.Connectors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ApiPlatform.SystemApis.Crm.Apis;

/// <summary>A record that names an account (contact, opportunity, quote) may only name one that exists in its CRM.</summary>
internal static class AccountReference
{
    public static async Task<ProblemHttpResult?> CheckAsync(
        ICrmConnector connector, string? tenant, string accountId, CancellationToken cancellationToken) =>
        await connector.GetAccountAsync(tenant, accountId, cancellationToken) is null
            ? ProblemDetailsExtensions.Problem(422, ProblemTypes.BusinessRule, "Unknown account",
                $"The account {accountId} does not exist in {connector.System}.")
            : null;
}
