using System.Security.Claims;
using ApiPlatform.SystemApis.Finance.Data;

namespace ApiPlatform.SystemApis.Finance.Apis;

/// <summary>What every finance handler needs: the caller and the embedded finance system's database.</summary>
public sealed record FinanceRequest(ClaimsPrincipal User, FinanceDbContext Db);
