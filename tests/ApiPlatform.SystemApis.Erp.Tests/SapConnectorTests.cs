using System.Net;
using ApiPlatform.SystemApis.Erp.Tests.Infrastructure;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using static ApiPlatform.SystemApis.Erp.Tests.Infrastructure.SapStubs;

namespace ApiPlatform.SystemApis.Erp.Tests;

/// <summary>erp for a tenant served by SAP S/4HANA Cloud, through the gateway, against WireMock answering as SAP's OData v2 APIs.</summary>
[Collection(ErpCollection.Name)]
public sealed class SapConnectorTests
{
    private const string Tenant = ErpPlatform.SapTenant;
    private readonly ErpPlatform platform;

    public SapConnectorTests(ErpPlatform platform)
    {
        this.platform = platform;
        platform.Sap.Reset();
    }

    [Fact]
    public async Task Customers_page_with_top_skip_and_inlinecount()
    {
        platform.Sap.Given(Get(BusinessPartners).WithParam("$skip", "2").WithParam("$top", "2").WithParam("$inlinecount", "allpages"))
            .RespondWith(Json(200, List(3, BusinessPartner("10100003", "Initech Europe GmbH", "acc-initech-3"))));
        using var client = await platform.ClientAsync();

        var page = await (await client.GetAsync($"/system/erp/v1/customers?tenant={Tenant}&offset=2&limit=2")).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal(3, page.GetProperty("total").GetInt32());
        var customer = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal("10100003", customer.GetProperty("id").GetString());
        Assert.Equal("acc-initech-3", customer.GetProperty("crmAccountId").GetString());
        Assert.Equal("DE", customer.GetProperty("country").GetString());
        Assert.Equal("sap", customer.GetProperty("source").GetProperty("system").GetString());
        Assert.Equal("2025-11-01T00:00:00+00:00", customer.GetProperty("updatedAt").GetString());
        Assert.Contains("BusinessPartnerCategory eq '2'", platform.Sap.LogEntries.Single().RequestMessage?.Query?["$filter"].Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sales_order_is_written_with_a_fetched_csrf_token_and_a_retry_finds_it_instead_of_writing_again()
    {
        var lookup = Get(SalesOrders).WithParam("$filter", new WildcardMatcher("PurchaseOrderByCustomer eq *"));
        platform.Sap.Given(lookup).InScenario("order").WhenStateIs("created").RespondWith(Json(200, List(1, SalesOrder("4711", "ref"))));
        platform.Sap.Given(lookup).AtPriority(5).RespondWith(Json(200, List(0)));
        platform.Sap.Given(Get(BusinessPartners).WithParam("$filter", new WildcardMatcher("*BusinessPartnerIDByExtSystem eq 'acc-initech-1'*")))
            .RespondWith(Json(200, List(1, BusinessPartner("10100001", "Initech GmbH", "acc-initech-1"))));
        platform.Sap.Given(Request.Create().WithPath("/sap/opu/odata/sap/API_SALES_ORDER_SRV/").UsingHead().WithHeader("x-csrf-token", "Fetch")).RespondWith(Token());
        platform.Sap.Given(Request.Create().WithPath(SalesOrders).UsingPost().WithHeader("x-csrf-token", CsrfToken).WithHeader("Cookie", "*SAP_SESSIONID_ZI3_100=abc123*"))
            .InScenario("order").WillSetStateTo("created").RespondWith(Json(201, Single(SalesOrder("4711", "ref"))));
        using var client = await platform.DirectClientAsync("erp");
        var events = new ErpEventLog(platform);
        var key = Guid.NewGuid().ToString("N");

        var first = await (await client.PostJsonAsync("/v1/sales-orders", Order(), key)).AssertJsonAsync(HttpStatusCode.Created);
        var retry = await (await client.PostJsonAsync("/v1/sales-orders", Order(), key)).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal("4711", first.GetProperty("id").GetString());
        Assert.Equal("4711", retry.GetProperty("id").GetString());
        Assert.Equal("acc-initech-1", first.GetProperty("customerAccountId").GetString());
        Assert.Equal("acc-initech-1", retry.GetProperty("customerAccountId").GetString());
        var placed = Assert.Single(await events.AllOfSubjectAsync("4711"), e => e.GetProperty("tenant").GetString() == Tenant).GetProperty("data");
        Assert.Equal(("acc-initech-1", "Open"), (placed.GetProperty("customerAccountId").GetString(), placed.GetProperty("status").GetString()));
        Assert.Equal(("sap", "4711"), (placed.GetProperty("source").GetProperty("system").GetString(), placed.GetProperty("source").GetProperty("externalId").GetString()));
        Assert.Equal(240m, first.GetProperty("total").GetProperty("amount").GetDecimal());
        Assert.Equal("sap", first.GetProperty("source").GetProperty("system").GetString());
        var posts = platform.Sap.Requests().Where(r => r.Method == "POST").ToList();
        var post = Assert.Single(posts);
        Assert.Contains("\"SoldToParty\":\"10100001\"", post.Body, StringComparison.Ordinal);
        Assert.Contains("\"ConditionType\":\"PPR0\"", post.Body, StringComparison.Ordinal);
        Assert.Equal(0, platform.EmbeddedRecordsOf(Tenant));
    }

    [Fact]
    public async Task An_expired_csrf_token_is_fetched_again_and_the_write_sent_once_more()
    {
        platform.Sap.Given(Get(SalesOrders)).RespondWith(Json(200, List(0)));
        platform.Sap.Given(Get(BusinessPartners)).RespondWith(Json(200, List(1, BusinessPartner("10100001", "Initech GmbH", "acc-initech-1"))));
        platform.Sap.Given(Request.Create().WithPath("/sap/opu/odata/sap/API_SALES_ORDER_SRV/").UsingHead()).RespondWith(Token());
        platform.Sap.Given(Request.Create().WithPath(SalesOrders).UsingPost()).InScenario("csrf").WillSetStateTo("refreshed")
            .RespondWith(Response.Create().WithStatusCode(403).WithHeader("x-csrf-token", "Required").WithBody("CSRF token validation failed"));
        platform.Sap.Given(Request.Create().WithPath(SalesOrders).UsingPost()).InScenario("csrf").WhenStateIs("refreshed")
            .RespondWith(Json(201, Single(SalesOrder("4712", "ref"))));
        using var client = await platform.ClientAsync();

        var created = await (await client.PostJsonAsync("/system/erp/v1/sales-orders", Order(), Guid.NewGuid().ToString("N"))).AssertJsonAsync(HttpStatusCode.Created);

        Assert.Equal("4712", created.GetProperty("id").GetString());
        Assert.Equal(2, platform.Sap.Requests().Count(r => r.Method == "POST"));
        Assert.True(platform.Sap.Requests().Count(r => r.Method == "HEAD") >= 1);
    }

    [Fact]
    public async Task An_odata_error_body_is_passed_on_as_a_502_naming_sap()
    {
        platform.Sap.Given(Get(SalesOrders)).RespondWith(Json(200, List(0)));
        platform.Sap.Given(Get(BusinessPartners)).RespondWith(Json(200, List(1, BusinessPartner("10100001", "Initech GmbH", "acc-initech-1"))));
        platform.Sap.Given(Request.Create().WithPath("/sap/opu/odata/sap/API_SALES_ORDER_SRV/").UsingHead()).RespondWith(Token());
        platform.Sap.Given(Request.Create().WithPath(SalesOrders).UsingPost()).RespondWith(Json(400, Error("V1/382", "Material SPARE-KIT is not defined for sales org. 1010")));
        using var client = await platform.ClientAsync();

        var problem = await (await client.PostJsonAsync("/system/erp/v1/sales-orders", Order(), Guid.NewGuid().ToString("N")))
            .AssertUpstreamProblemAsync(HttpStatusCode.BadGateway, "upstream-error", "sap");

        Assert.Contains("Material SPARE-KIT is not defined", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, platform.EmbeddedRecordsOf(Tenant));
    }

    [Fact]
    public async Task A_customer_upsert_updates_the_business_partner_of_the_crm_account()
    {
        platform.Sap.Given(Get(BusinessPartners).WithParam("$filter", new WildcardMatcher("*BusinessPartnerIDByExtSystem eq 'acc-initech-1'*")))
            .RespondWith(Json(200, List(1, BusinessPartner("10100001", "Initech GmbH", "acc-initech-1"))));
        platform.Sap.Given(Get($"{BusinessPartners}('10100001')")).RespondWith(Json(200, Single(BusinessPartner("10100001", "Initech Deutschland GmbH", "acc-initech-1"))));
        platform.Sap.Given(Request.Create().WithPath("/sap/opu/odata/sap/API_BUSINESS_PARTNER/").UsingHead()).RespondWith(Token());
        platform.Sap.Given(Request.Create().WithPath($"{BusinessPartners}('10100001')").UsingPatch()).RespondWith(Response.Create().WithStatusCode(204));
        using var client = await platform.ClientAsync();

        var customer = await (await client.PostJsonAsync("/system/erp/v1/customers",
            new { tenant = Tenant, crmAccountId = "acc-initech-1", name = "Initech Deutschland GmbH", country = "DE", currency = "EUR" })).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal("Initech Deutschland GmbH", customer.GetProperty("name").GetString());
        Assert.DoesNotContain(platform.Sap.Requests(), r => r.Method == "POST");
    }

    [Fact]
    public async Task An_order_for_an_account_no_business_partner_carries_is_422_naming_the_account_and_never_reaches_sap()
    {
        platform.Sap.Given(Get(BusinessPartners)).RespondWith(Json(200, List(0)));
        platform.Sap.Given(Get(SalesOrders)).RespondWith(Json(200, List(0)));
        using var client = await platform.ClientAsync();

        var problem = await (await client.PostJsonAsync("/system/erp/v1/sales-orders", Order(), Guid.NewGuid().ToString("N")))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "business-rule");

        Assert.Contains("acc-initech-1", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("BusinessPartnerIDByExtSystem eq 'acc-initech-1'", platform.Sap.LogEntries.First().RequestMessage?.Query?["$filter"].Single(), StringComparison.Ordinal);
        Assert.DoesNotContain(platform.Sap.Requests(), r => r.Method == "POST");
        Assert.DoesNotContain(platform.Sap.Requests(), r => r.Path == SalesOrders);
    }

    [Fact]
    public async Task Orders_read_from_sap_carry_the_crm_account_of_their_sold_to_party_and_are_listed_by_it()
    {
        platform.Sap.Given(Get(BusinessPartners).WithParam("$filter", new WildcardMatcher("*BusinessPartnerIDByExtSystem eq 'acc-initech-1'*")))
            .RespondWith(Json(200, List(1, BusinessPartner("10100001", "Initech GmbH", "acc-initech-1"))));
        platform.Sap.Given(Get(BusinessPartners).WithParam("$filter", "BusinessPartner eq '10100001'"))
            .RespondWith(Json(200, List(1, BusinessPartner("10100001", "Initech GmbH", "acc-initech-1"))));
        platform.Sap.Given(Get($"{SalesOrders}('4711')")).RespondWith(Json(200, Single(SalesOrder("4711", "ref"))));
        platform.Sap.Given(Get(SalesOrders).WithParam("$filter", "SoldToParty eq '10100001'")).RespondWith(Json(200, List(1, SalesOrder("4711", "ref"))));
        using var client = await platform.ClientAsync();

        var order = await (await client.GetAsync($"/system/erp/v1/sales-orders/4711?tenant={Tenant}")).AssertJsonAsync(HttpStatusCode.OK);
        var listed = await (await client.GetAsync($"/system/erp/v1/sales-orders?tenant={Tenant}&customerAccountId=acc-initech-1")).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal("acc-initech-1", order.GetProperty("customerAccountId").GetString());
        Assert.Equal(("sap", "4711"), (order.GetProperty("source").GetProperty("system").GetString(), order.GetProperty("source").GetProperty("externalId").GetString()));
        Assert.Equal("acc-initech-1", Assert.Single(listed.GetProperty("items").EnumerateArray()).GetProperty("customerAccountId").GetString());
    }

    [Fact]
    public async Task An_order_sold_to_a_partner_without_a_crm_account_is_a_problem_not_a_partner_number_posing_as_an_account()
    {
        platform.Sap.Given(Get(BusinessPartners)).RespondWith(Json(200, List(1, BusinessPartner("10100001", "Initech GmbH", ""))));
        platform.Sap.Given(Get($"{SalesOrders}('4711')")).RespondWith(Json(200, Single(SalesOrder("4711", "ref"))));
        using var client = await platform.ClientAsync();

        var problem = await (await client.GetAsync($"/system/erp/v1/sales-orders/4711?tenant={Tenant}")).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "business-rule");

        Assert.Contains("10100001", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Listing_the_orders_of_an_account_sap_does_not_know_is_empty_without_asking_for_orders()
    {
        platform.Sap.Given(Get(BusinessPartners)).RespondWith(Json(200, List(0)));
        using var client = await platform.ClientAsync();

        var listed = await (await client.GetAsync($"/system/erp/v1/sales-orders?tenant={Tenant}&customerAccountId=acc-unknown")).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal(0, listed.GetProperty("total").GetInt32());
        Assert.DoesNotContain(platform.Sap.Requests(), r => r.Path == SalesOrders);
    }

    private static object Order() => new
    {
        tenant = Tenant,
        customerAccountId = "acc-initech-1",
        currency = "EUR",
        lines = new[] { new { sku = "SPARE-KIT", description = "Spare parts kit", quantity = 2m, unitPrice = new { amount = 120m, currency = "EUR" }, discountPercent = 0m } },
    };
}
