using System.Net;
using ApiPlatform.SystemApis.Crm.Data;
using Microsoft.Extensions.DependencyInjection;

namespace ApiPlatform.EndToEnd.Tests;

[Collection(PlatformCollection.Name)]
public sealed class SystemApiTests(PlatformFixture platform)
{
    private static object Order(string quoteId, decimal quantity = 2) => new
    {
        tenant = "acme",
        customerAccountId = "acc-acme-001",
        quoteId,
        currency = "EUR",
        lines = new[] { new { sku = "SPARE-KIT", description = "Spare parts kit", quantity, unitPrice = new { amount = 120m, currency = "EUR" }, discountPercent = 0m } },
    };

    [Fact]
    public async Task A_repeated_sales_order_create_with_the_same_key_creates_one_order()
    {
        using var integration = await platform.IntegrationAppAsync();
        var quoteId = $"test-{Guid.NewGuid():N}";
        var key = Guid.NewGuid().ToString("N");

        var first = await (await integration.PostJsonAsync("/system/erp/v1/sales-orders", Order(quoteId), key)).AssertJsonAsync(HttpStatusCode.Created);
        var replay = await integration.PostJsonAsync("/system/erp/v1/sales-orders", Order(quoteId), key);
        // Straight to erp, past the gateway's idempotency store: erp itself keeps one order per client and key.
        using var direct = new HttpClient { BaseAddress = platform.Platform.Urls["erp"] };
        direct.DefaultRequestHeaders.Authorization = new("Bearer", await platform.TokenAsync("integration-app", "integration-secret"));
        var again = await (await direct.PostJsonAsync("/v1/sales-orders", Order(quoteId), key)).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal("true", replay.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(first.GetProperty("id").GetString(), (await replay.AssertJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString());
        Assert.Equal(first.GetProperty("id").GetString(), again.GetProperty("id").GetString());
        var all = await integration.AllItemsAsync("/system/erp/v1/sales-orders");
        Assert.Single(all, o => o.GetProperty("quoteId").GetString() == quoteId);
        var read = await (await integration.GetAsync($"/system/erp/v1/sales-orders/{first.GetProperty("id").GetString()}")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(240m, read.GetProperty("total").GetProperty("amount").GetDecimal());
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_422()
    {
        using var integration = await platform.IntegrationAppAsync();
        var key = Guid.NewGuid().ToString("N");
        await (await integration.PostJsonAsync("/system/erp/v1/sales-orders", Order("q-x"), key)).AssertJsonAsync(HttpStatusCode.Created);

        var reused = await integration.PostJsonAsync("/system/erp/v1/sales-orders", Order("q-x", quantity: 3), key);

        await reused.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "idempotency-key-reused");
    }

    [Fact]
    public async Task Invalid_input_is_400_with_field_errors_and_nothing_is_created()
    {
        using var integration = await platform.IntegrationAppAsync();
        var invalid = new { tenant = "acme", customerAccountId = "", currency = "euro", lines = Array.Empty<object>() };

        var problem = await (await integration.PostJsonAsync("/system/erp/v1/sales-orders", invalid, Guid.NewGuid().ToString("N")))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation");

        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("CustomerAccountId", out _), errors.ToString());
        Assert.True(errors.TryGetProperty("Currency", out _), errors.ToString());
        Assert.True(errors.TryGetProperty("Lines", out _), errors.ToString());
    }

    [Fact]
    public async Task A_credit_assessment_is_idempotent_per_key()
    {
        using var integration = await platform.IntegrationAppAsync();
        var key = Guid.NewGuid().ToString("N");
        var body = new { accountId = "acc-globex-001", amount = new { amount = 1000m, currency = "USD" } };

        var first = await (await integration.PostJsonAsync("/system/finance/v1/credit-assessments", body, key)).AssertJsonAsync(HttpStatusCode.Created);
        var replay = await integration.PostJsonAsync("/system/finance/v1/credit-assessments", body, key);
        var second = await replay.AssertJsonAsync(HttpStatusCode.Created);

        Assert.Equal("Approved", first.GetProperty("decision").GetString());
        Assert.Equal(first.GetProperty("id").GetString(), second.GetProperty("id").GetString());
        Assert.Equal("true", replay.Headers.GetValues("Idempotent-Replayed").Single());
    }

    [Fact]
    public async Task Every_service_is_live_and_ready()
    {
        using var http = new HttpClient();
        foreach (var (name, url) in platform.Platform.Urls.Where(u => u.Key != "procure-to-pay"))
        {
            var live = await http.GetAsync(new Uri(url, "health/live"));
            var ready = await http.GetAsync(new Uri(url, "health/ready"));
            Assert.True(live.IsSuccessStatusCode, $"{name} live: {(int)live.StatusCode}");
            Assert.True(ready.IsSuccessStatusCode, $"{name} ready: {(int)ready.StatusCode} {await ready.Content.ReadAsStringAsync()}");
        }
    }

    [Fact]
    public void The_services_run_on_the_database_and_redis_the_run_asked_for()
    {
        using var scope = platform.Platform.Services("crm").CreateScope();
        var provider = scope.ServiceProvider.GetRequiredService<CrmDbContext>().Database.ProviderName;

        Assert.Equal(platform.DatabaseProvider == "postgres" ? "Npgsql.EntityFrameworkCore.PostgreSQL" : "Microsoft.EntityFrameworkCore.Sqlite", provider);
        if (Environment.GetEnvironmentVariable("APIPLATFORM_TEST_REDIS") is { Length: > 0 } redis)
        {
            Assert.Equal(redis, platform.Platform.RedisConnectionString);
        }
    }
}
