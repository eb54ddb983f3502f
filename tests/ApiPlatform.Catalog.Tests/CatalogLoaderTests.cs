namespace ApiPlatform.Catalog.Tests;

public sealed class CatalogLoaderTests
{
    [Fact]
    public void The_shipped_catalog_is_valid_and_declares_all_seven_apis()
    {
        var catalog = CatalogLoader.Load(Path.Combine(AppContext.BaseDirectory, "catalog"));

        Assert.Equal(
            ["analytics", "crm", "erp", "finance", "partner-portal", "procure-to-pay", "quote-to-cash", "reconciliation"],
            catalog.Apis.Select(a => a.Name).Order());
        Assert.Equal("experience:partner-portal", catalog.FindApi("partner-portal")!.Scope);
        Assert.Equal("acme", catalog.FindConsumer("partner-acme")!.Tenant);
    }

    [Fact]
    public void A_valid_catalog_loads_versions_dates_and_policies()
    {
        using var folder = new TestCatalog();

        var api = CatalogLoader.Load(folder.Path).FindApi("orders")!;

        var v1 = api.FindVersion(1)!;
        Assert.Equal(VersionStatus.Deprecated, v1.ParsedStatus);
        Assert.Equal(2, v1.Successor);
        Assert.Equal(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero), v1.SunsetAt);
        Assert.Equal("required", api.Policies.Idempotency);
        Assert.Equal("/system/orders", api.PathPrefix);
    }

    [Fact]
    public void A_version_past_its_sunset_is_retired()
    {
        using var folder = new TestCatalog();
        var v1 = CatalogLoader.Load(folder.Path).FindApi("orders")!.FindVersion(1)!;

        Assert.Equal(VersionStatus.Deprecated, v1.StatusAt(new DateTimeOffset(2026, 5, 31, 23, 59, 59, TimeSpan.Zero)));
        Assert.Equal(VersionStatus.Retired, v1.StatusAt(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero)));
    }

    [Theory]
    [InlineData("  team: order-team\n", "  team: \"\"\n", "apis/orders.yaml: owner.team is required")]
    [InlineData("tier: system", "tier: backend", "apis/orders.yaml: tier 'backend' is unknown")]
    [InlineData("sunsetAt: 2026-06-01T00:00:00Z", "sunsetAt: 2025-06-01T00:00:00Z", "apis/orders.yaml: versions[v1].sunsetAt (2025-06-01T00:00:00.0000000+00:00) is before deprecatedAt")]
    [InlineData("successor: 2", "successor: 3", "apis/orders.yaml: versions[v1].successor v3 does not exist")]
    [InlineData("idempotency: required", "idempotency: always", "apis/orders.yaml: policies.idempotency 'always' is unknown")]
    [InlineData("scopes: [system:orders]", "scopes: [system:other]", "apis/orders.yaml: scopes must include 'system:orders'")]
    [InlineData("status: active", "status: live", "apis/orders.yaml: versions[v2].status 'live' is unknown")]
    [InlineData("upstream: http://orders:8080", "upstream: orders", "apis/orders.yaml: upstream 'orders' must be an absolute URL")]
    public void An_invalid_api_is_rejected_naming_the_file_and_the_field(string valid, string invalid, string expected)
    {
        using var folder = new TestCatalog(api: TestCatalog.ValidApi.Replace(valid, invalid, StringComparison.Ordinal));

        var error = Assert.Throws<CatalogValidationException>(() => CatalogLoader.Load(folder.Path));

        Assert.Contains(error.Errors, e => e.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void An_api_whose_name_differs_from_its_file_is_rejected()
    {
        using var folder = new TestCatalog(fileName: "sales.yaml");

        var error = Assert.Throws<CatalogValidationException>(() => CatalogLoader.Load(folder.Path));

        Assert.Contains("apis/sales.yaml: name 'orders' must match the file name 'sales'", error.Errors);
    }

    [Fact]
    public void An_unknown_field_is_rejected_with_its_line()
    {
        using var folder = new TestCatalog(api: TestCatalog.ValidApi + "\nowners: nobody\n");

        var error = Assert.Throws<CatalogValidationException>(() => CatalogLoader.Load(folder.Path));

        Assert.Contains(error.Errors, e => e.StartsWith("apis/orders.yaml (line", StringComparison.Ordinal) && e.Contains("owners", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("subscriptions: [orders]", "subscriptions: [orders, billing]", "consumers.yaml: consumer 'partner-one': subscriptions names unknown api 'billing'")]
    [InlineData("    tenant: one\n", "", "consumers.yaml: consumer 'partner-one': tenant is required for a partner")]
    [InlineData("kind: partner", "kind: robot", "consumers.yaml: consumer 'partner-one': kind 'robot' is unknown")]
    [InlineData("plan: standard", "plan: \"\"", "consumers.yaml: consumer 'partner-one': plan is required")]
    public void An_invalid_consumer_is_rejected_naming_the_consumer_and_the_field(string valid, string invalid, string expected)
    {
        using var folder = new TestCatalog(consumers: TestCatalog.ValidConsumers.Replace(valid, invalid, StringComparison.Ordinal));

        var error = Assert.Throws<CatalogValidationException>(() => CatalogLoader.Load(folder.Path));

        Assert.Contains(error.Errors, e => e.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var api = TestCatalog.ValidApi.Replace("tier: system", "tier: backend", StringComparison.Ordinal)
            .Replace("  team: order-team\n", "  team: \"\"\n", StringComparison.Ordinal);
        using var folder = new TestCatalog(api: api);

        var error = Assert.Throws<CatalogValidationException>(() => CatalogLoader.Load(folder.Path));

        Assert.True(error.Errors.Count >= 2, string.Join(Environment.NewLine, error.Errors));
        Assert.Contains("owner.team is required", error.Message, StringComparison.Ordinal);
    }
}
