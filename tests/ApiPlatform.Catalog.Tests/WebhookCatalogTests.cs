namespace ApiPlatform.Catalog.Tests;

public sealed class WebhookCatalogTests
{
    private const string Webhook = """

        webhooks:
          - name: payments
            path: /webhooks/payments/{tenant}
            authentication: signature
            bodyLimitBytes: 2048
            rateLimit:
              requests: 10
              windowSeconds: 1
        """;

    [Fact]
    public void The_shipped_finance_api_declares_the_stripe_webhook()
    {
        var finance = CatalogLoader.Load(Path.Combine(AppContext.BaseDirectory, "catalog")).FindApi("finance")!;

        var stripe = Assert.Single(finance.Webhooks);
        Assert.Equal("/webhooks/stripe/{tenant}", stripe.Path);
        Assert.Equal(WebhookDefinition.SignatureAuthentication, stripe.Authentication);
        Assert.Equal(524_288, stripe.BodyLimitBytes);
    }

    [Fact]
    public void A_webhook_loads_with_its_limits_and_an_api_without_one_has_none()
    {
        using var folder = new TestCatalog(api: TestCatalog.ValidApi + Webhook);
        using var plain = new TestCatalog();

        var webhook = Assert.Single(CatalogLoader.Load(folder.Path).FindApi("orders")!.Webhooks);

        Assert.Equal(2048, webhook.BodyLimitBytes);
        Assert.Equal(10, webhook.RateLimit.Requests);
        Assert.Empty(CatalogLoader.Load(plain.Path).FindApi("orders")!.Webhooks);
    }

    [Theory]
    [InlineData("authentication: signature", "authentication: none", "webhooks[payments].authentication 'none' is unknown")]
    [InlineData("path: /webhooks/payments/{tenant}", "path: /system/orders/{**rest}", "webhooks[payments].path '/system/orders/{**rest}' must start with /webhooks/")]
    [InlineData("path: /webhooks/payments/{tenant}", "path: /webhooks", "webhooks[payments].path '/webhooks' must start with /webhooks/")]
    [InlineData("bodyLimitBytes: 2048", "bodyLimitBytes: 0", "webhooks[payments].bodyLimitBytes must be positive")]
    [InlineData("requests: 10", "requests: 0", "webhooks[payments].rateLimit needs positive requests")]
    [InlineData("name: payments", "name: Payments", "webhooks[Payments].name must be kebab-case")]
    public void An_invalid_webhook_is_rejected_naming_the_field(string valid, string invalid, string expected)
    {
        using var folder = new TestCatalog(api: TestCatalog.ValidApi + Webhook.Replace(valid, invalid, StringComparison.Ordinal));

        var error = Assert.Throws<CatalogValidationException>(() => CatalogLoader.Load(folder.Path));

        Assert.Contains($"apis/orders.yaml: {expected}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_webhooks_on_the_same_path_are_rejected()
    {
        var twice = Webhook + Webhook.Replace("webhooks:\n", "", StringComparison.Ordinal)
            .Replace("name: payments", "name: refunds", StringComparison.Ordinal).Replace("{tenant}", "{account}", StringComparison.Ordinal);
        using var folder = new TestCatalog(api: TestCatalog.ValidApi + twice);

        var error = Assert.Throws<CatalogValidationException>(() => CatalogLoader.Load(folder.Path));

        Assert.Contains("apis/orders.yaml: webhooks: path /webhooks/payments/{} is declared more than once", error.Errors);
    }
}
