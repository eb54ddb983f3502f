using System.Security.Claims;
using ApiPlatform.ServiceDefaults.Auth;

namespace ApiPlatform.SystemApis.Finance.Apis;

/// <summary>
/// What every finance handler needs: the caller. Handlers reach the store only through a connector or a service of the
/// embedded finance system (receivables, payables, ledger, credit, billing), which announces its changes.
/// </summary>
public sealed record FinanceRequest(ClaimsPrincipal User)
{
    public string Client => User.GetClientId() ?? "unknown";
}
