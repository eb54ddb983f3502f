using ApiPlatform.ServiceDefaults.Errors;
using ApiPlatform.SystemApis.Crm.Connectors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ApiPlatform.SystemApis.Crm.Apis;

/// <summary>A parent account must exist in the same CRM and must not make the hierarchy a loop.</summary>
internal static class AccountHierarchy
{
    private const int MaxDepth = 20;

    public static async Task<ProblemHttpResult?> CheckParentAsync(
        ICrmConnector connector, string? tenant, string? accountId, string parentId, CancellationToken cancellationToken)
    {
        var current = parentId;
        for (var depth = 0; current is not null && depth < MaxDepth; depth++)
        {
            if (current == accountId)
            {
                return Invalid($"Making {parentId} the parent of {accountId} would put {accountId} below itself.");
            }

            var account = await connector.GetAccountAsync(tenant, current, cancellationToken);
            if (account is null)
            {
                return depth == 0 ? Invalid($"The parent account {parentId} does not exist in {connector.System}.") : null;
            }
            current = account.ParentAccountId;
        }
        return null;
    }

    private static ProblemHttpResult Invalid(string detail) =>
        ProblemDetailsExtensions.Problem(422, ProblemTypes.BusinessRule, "Invalid account hierarchy", detail);
}
