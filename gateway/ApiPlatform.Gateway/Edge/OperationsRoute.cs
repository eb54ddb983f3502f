using ApiPlatform.Catalog;
using ApiPlatform.ServiceDefaults.Auth;

namespace ApiPlatform.Gateway.Edge;

/// <summary>
/// A service's operations endpoints (dead letters and replay at <c>/messaging/…</c>, workflow instances at
/// <c>/workflows/…</c>): for platform admins only, with the API's body limit; no version, lifecycle, plan or idempotency.
/// </summary>
internal sealed class OperationsRoute(ApiDefinition api) : EdgeRoute
{
    public override string Api { get; } = api.Name;

    public override string Upstream { get; } = $"{api.Name} API";

    public override long BodyLimitBytes { get; } = api.Policies.BodyLimitBytes;

    public override string BodyLimitSubject => Upstream;

    public override string Scope => PlatformPolicies.AdminScope;
}
