using System.Globalization;

namespace ApiPlatform.Gateway.Tests.Infrastructure;

/// <summary>
/// Writes a catalog folder for one test host: crm (v1 active, v2 draft; upstream only through
/// <c>Gateway:Upstreams:crm</c>; the internal plan overridden to 3 requests an hour), erp (v1 retired, v2 deprecated,
/// v3 active; idempotency optional), quote-to-cash (1 s timeout; idempotency required), finance (v1 active,
/// unreachable unless overridden) and partner-portal (v1 deprecated until a given sunset, v2 active; idempotency
/// required; bodies up to 4 KiB); consumers sales-test (internal plan) and partner-test (partner, tenant acme).
/// </summary>
public static class TestCatalog
{
    public static readonly DateTimeOffset ErpV2DeprecatedAt = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset ErpV2SunsetAt = new(2099, 12, 31, 0, 0, 0, TimeSpan.Zero);

    public const int PartnerPortalBodyLimit = 4096;
    public const int CrmInternalRequestsPerHour = 3;

    private const string CrmPlanOverride = """
          planOverrides:
            internal:
              requests: 3
              windowSeconds: 3600
        """;

    private const string Consumers = """
        consumers:
          - clientId: sales-test
            displayName: Sales test app
            kind: internal
            plan: internal
            subscriptions: [crm, quote-to-cash]
          - clientId: partner-test
            displayName: Partner test app
            kind: partner
            tenant: acme
            plan: partner-standard
            subscriptions: [partner-portal]

        """;

    public static string Write(string backendUpstream, DateTimeOffset partnerPortalSunset)
    {
        var directory = Path.Combine(Path.GetTempPath(), "gateway-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(directory, "apis"));
        File.WriteAllText(Path.Combine(directory, "consumers.yaml"), Consumers);

        Api(directory, "crm", "system", "http://crm.invalid:8080", 30, "none", 1_048_576, CrmPlanOverride,
            Version(1, "active"),
            Version(2, "draft"));
        Api(directory, "erp", "system", backendUpstream, 30, "optional", 1_048_576, "",
            Version(1, "retired", deprecatedAt: new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), sunsetAt: new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), successor: 3),
            Version(2, "deprecated", deprecatedAt: ErpV2DeprecatedAt, sunsetAt: ErpV2SunsetAt, successor: 3),
            Version(3, "active"));
        Api(directory, "quote-to-cash", "process", backendUpstream, 1, "required", 1_048_576, "",
            Version(1, "active"));
        Api(directory, "finance", "system", "http://finance.invalid:8080", 30, "none", 1_048_576, "",
            Version(1, "active"));
        Api(directory, "partner-portal", "experience", backendUpstream, 30, "required", PartnerPortalBodyLimit, "",
            Version(1, "deprecated", deprecatedAt: new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), sunsetAt: partnerPortalSunset, successor: 2),
            Version(2, "active"));
        return directory;
    }

    public static void Delete(string directory) => Directory.Delete(directory, recursive: true);

    private static void Api(string directory, string name, string tier, string upstream, int timeoutSeconds, string idempotency,
        long bodyLimit, string planOverrides, params string[] versions) =>
        File.WriteAllText(Path.Combine(directory, "apis", name + ".yaml"), $"""
            name: {name}
            title: Test {name} API
            tier: {tier}
            owner:
              team: test-team
              contact: test@apiplatform.example
            description: The {name} API of the gateway tests.
            upstream: {upstream}
            scopes:
              - {tier}:{name}
            slo:
              availability: 99.9
              latencyP99Ms: 300
            versions:
            {string.Concat(versions)}
            policies:
              idempotency: {idempotency}
              bodyLimitBytes: {bodyLimit}
              timeoutSeconds: {timeoutSeconds}
            {planOverrides}

            """);

    private static string Version(int major, string status, DateTimeOffset? deprecatedAt = null, DateTimeOffset? sunsetAt = null, int? successor = null)
    {
        var yaml = $"  - major: {major}\n    status: {status}\n";
        yaml += deprecatedAt is { } deprecated ? $"    deprecatedAt: {Format(deprecated)}\n" : "";
        yaml += sunsetAt is { } sunset ? $"    sunsetAt: {Format(sunset)}\n" : "";
        yaml += successor is { } next ? $"    successor: {next}\n" : "";
        return yaml;
    }

    private static string Format(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
