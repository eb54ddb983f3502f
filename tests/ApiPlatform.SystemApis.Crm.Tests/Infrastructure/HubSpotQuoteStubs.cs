namespace ApiPlatform.SystemApis.Crm.Tests.Infrastructure;

/// <summary>HubSpot quotes, deals and line items as the CRM v3 documentation shows them (objects, batch create with 201 and 207).</summary>
internal static class HubSpotQuoteStubs
{
    public const string Deal = """
        {"id":"4401","properties":{"dealname":"Umbrella lab equipment","dealstage":"contractsent","amount":"25500.00","deal_currency_code":"EUR",
          "closedate":"2026-12-15T00:00:00Z"},"createdAt":"2026-10-01T08:00:00Z","updatedAt":"2026-11-01T08:00:00Z","archived":false,
         "associations":{"companies":{"results":[{"id":"9001","type":"deal_to_company"}]}}}
        """;

    public static string Quote(string id, string status) => $$"""
        {"id":"{{id}}","properties":{"hs_title":"Umbrella lab equipment","hs_quote_number":"Q-UMB-0043","hs_status":"{{status}}","hs_currency":"EUR",
          "hs_expiration_date":"2026-12-31","hs_comments":null},"createdAt":"2026-11-27T10:00:00Z","updatedAt":"2026-11-27T10:00:00Z","archived":false,
         "associations":{"line_items":{"results":[{"id":"8802","type":"quote_to_line_item"},{"id":"8801","type":"quote_to_line_item"}]},
           "companies":{"results":[{"id":"9001","type":"quote_to_company"}]},"deals":{"results":[{"id":"4401","type":"quote_to_deal"}]} } }
        """;

    // Answered out of order, as HubSpot may: hs_position_on_quote orders them. 2 x 12500 less 10 % = 22500; 1 x 3000.
    public const string LineItems = """
        {"status":"COMPLETE","results":[
          {"id":"8802","properties":{"hs_sku":"UMB-TRAINING","name":"Lab training","quantity":"1","price":"3000.00","hs_discount_percentage":"0","amount":"3000.00","hs_position_on_quote":"1"},"archived":false},
          {"id":"8801","properties":{"hs_sku":"UMB-ANALYZER","name":"Virus analyzer","quantity":"2","price":"12500.00","hs_discount_percentage":"10","amount":"22500.00","hs_position_on_quote":"0"},"archived":false}],
         "startedAt":"2026-11-27T09:00:00Z","completedAt":"2026-11-27T09:00:01Z"}
        """;

    public const string LineItemsCreated = """
        {"status":"COMPLETE","results":[
          {"id":"8801","properties":{"hs_sku":"UMB-ANALYZER","name":"Virus analyzer","quantity":"2","price":"12500.00"},"createdAt":"2026-11-27T09:00:00Z","updatedAt":"2026-11-27T09:00:00Z","archived":false},
          {"id":"8802","properties":{"hs_sku":"UMB-TRAINING","name":"Lab training","quantity":"1","price":"3000.00"},"createdAt":"2026-11-27T09:00:00Z","updatedAt":"2026-11-27T09:00:00Z","archived":false}],
         "startedAt":"2026-11-27T09:00:00Z","completedAt":"2026-11-27T09:00:01Z"}
        """;

    public const string LineItemsPartlyCreated = """
        {"status":"COMPLETE","results":[
          {"id":"8801","properties":{"hs_sku":"UMB-ANALYZER","name":"Virus analyzer","quantity":"2","price":"12500.00"},"createdAt":"2026-11-27T09:00:00Z","updatedAt":"2026-11-27T09:00:00Z","archived":false}],
         "numErrors":1,"errors":[{"status":"error","category":"VALIDATION_ERROR","message":"Property values were not valid","context":{},"links":{}}],
         "startedAt":"2026-11-27T09:00:00Z","completedAt":"2026-11-27T09:00:01Z"}
        """;

    public static object QuoteRequest(decimal taxRate = 0m, string tenant = CrmPlatform.HubSpotTenant, string accountId = "9001",
        string opportunityId = "4401", string currency = "EUR") => new
    {
        tenant,
        accountId,
        opportunityId,
        currency,
        taxRate,
        validUntil = "2026-12-31T00:00:00Z",
        lines = new object[]
        {
            new { sku = "UMB-ANALYZER", description = "Virus analyzer", quantity = 2, unitPrice = new { amount = 12500.00m, currency }, discountPercent = 10 },
            new { sku = "UMB-TRAINING", description = "Lab training", quantity = 1, unitPrice = new { amount = 3000.00m, currency }, discountPercent = 0 },
        },
    };
}
