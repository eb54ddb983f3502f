using System.Security.Claims;
using ApiPlatform.ServiceDefaults.Auth;
using ApiPlatform.SystemApis.Finance.Data;
using ApiPlatform.SystemApis.Finance.Events;

namespace ApiPlatform.SystemApis.Finance.Apis;

/// <summary>What every finance handler needs: the caller, the embedded finance system's database and its change feed.</summary>
public sealed record FinanceRequest(ClaimsPrincipal User, FinanceDbContext Db, FinanceChangeFeed Changes)
{
    public string Client => User.GetClientId() ?? "unknown";
}
