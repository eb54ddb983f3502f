using System.Collections.Frozen;
using System.Security.Claims;
using ApiPlatform.Catalog;

namespace ApiPlatform.Gateway.RateLimiting;

/// <summary>
/// The plan of each client: consumers.yaml decides; a client it does not list is judged by its token's <c>plan</c>
/// claim, else the default plan.
/// </summary>
internal sealed class ClientPlans(ApiCatalog catalog)
{
    public const string PlanClaim = "plan";

    private readonly FrozenDictionary<string, string> plans =
        catalog.Consumers.ToFrozenDictionary(c => c.ClientId, c => c.Plan, StringComparer.Ordinal);

    public string? PlanOf(string clientId, ClaimsPrincipal user) =>
        plans.TryGetValue(clientId, out var plan) ? plan : user.FindFirst(PlanClaim)?.Value;
}
