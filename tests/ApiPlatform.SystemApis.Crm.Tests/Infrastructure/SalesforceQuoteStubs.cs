using static ApiPlatform.SystemApis.Crm.Tests.Infrastructure.SalesforceStubs;

namespace ApiPlatform.SystemApis.Crm.Tests.Infrastructure;

/// <summary>Salesforce quote payloads as the REST API and Composite API documentation show them.</summary>
internal static class SalesforceQuoteStubs
{
    public const string AccountId = "001RO00000AbCdEYAV";
    public const string OpportunityId = "006RO00000OpAbCYAZ";
    public const string PricebookId = "01sRO000000PbStYAC";

    // Two lines: 10 x 900.00 less 5 % = 8550.00; 1 x 1000.00 = 1000.00; subtotal 10000.00, net 9550.00.
    public static string Quote(string id, string status, decimal tax = 795.52m, decimal? grandTotal = null) => $$"""
        {"attributes":{"type":"Quote","url":"{{Api}}/sobjects/Quote/{{id}}"},"Id":"{{id}}","QuoteNumber":"00000042","AccountId":"{{AccountId}}",
         "OpportunityId":"{{OpportunityId}}","Status":"{{status}}","Description":null,"CurrencyIsoCode":"USD","Subtotal":10000.00,"TotalPrice":9550.00,
         "Tax":{{tax}},"ShippingHandling":null,"GrandTotal":{{grandTotal ?? 9550.00m + tax}},"ExpirationDate":"2026-12-31","CreatedDate":"2026-11-01T12:00:00.000+0000",
         "QuoteLineItems":{"totalSize":2,"done":true,"records":[
           {"attributes":{"type":"QuoteLineItem"},"LineNumber":"00001","Quantity":10.0,"UnitPrice":900.00,"Discount":5.0,"Description":"TPS report automation seat",
            "Product2":{"attributes":{"type":"Product2"},"ProductCode":"TPS-SEAT","Name":"TPS seat"} },
           {"attributes":{"type":"QuoteLineItem"},"LineNumber":"00002","Quantity":1.0,"UnitPrice":1000.00,"Discount":null,"Description":"Onboarding",
            "Product2":{"attributes":{"type":"Product2"},"ProductCode":"TPS-ONBOARD","Name":"Onboarding"} } ] } }
        """;

    public static readonly string Opportunity = $$"""
        {"attributes":{"type":"Opportunity","url":"{{Api}}/sobjects/Opportunity/{{OpportunityId}}"},"Id":"{{OpportunityId}}","AccountId":"{{AccountId}}",
         "Name":"Initech TPS rollout","StageName":"Proposal/Price Quote","Amount":9550.00,"CurrencyIsoCode":"USD","CloseDate":"2026-12-15","Probability":75,
         "Pricebook2Id":"{{PricebookId}}"}
        """;

    public static readonly string PricebookEntries = Query(2, null,
        """{"attributes":{"type":"PricebookEntry"},"Id":"01uRO000001SeatYAC","Product2":{"attributes":{"type":"Product2"},"ProductCode":"TPS-SEAT","Name":"TPS seat"}}""",
        """{"attributes":{"type":"PricebookEntry"},"Id":"01uRO000001OnbdYAC","Product2":{"attributes":{"type":"Product2"},"ProductCode":"TPS-ONBOARD","Name":"Onboarding"}}""");

    public static string Created(string quoteId) => $$"""
        {"compositeResponse":[
          {"body":{"id":"{{quoteId}}","success":true,"errors":[]},"httpHeaders":{"Location":"{{Api}}/sobjects/Quote/{{quoteId}}"},"httpStatusCode":201,"referenceId":"quote"},
          {"body":[{"id":"0QLRO000000LnAaYAK","success":true,"errors":[]},{"id":"0QLRO000000LnAbYAK","success":true,"errors":[]}],"httpHeaders":{},"httpStatusCode":200,"referenceId":"lines"}]}
        """;

    /// <summary>allOrNone: the lines failed, so the quote was rolled back too (PROCESSING_HALTED).</summary>
    public const string RolledBack = """
        {"compositeResponse":[
          {"body":[{"errorCode":"PROCESSING_HALTED","message":"The transaction was rolled back since another operation in the same transaction failed."}],"httpHeaders":{},"httpStatusCode":400,"referenceId":"quote"},
          {"body":[{"message":"field integrity exception: PricebookEntryId (pricebook entry currency code does not match quote currency code)","errorCode":"FIELD_INTEGRITY_EXCEPTION","fields":["PricebookEntryId"]}],"httpHeaders":{},"httpStatusCode":400,"referenceId":"lines"}]}
        """;

    public static object QuoteRequest(string? opportunityId = OpportunityId, decimal taxRate = 0.0833m, string tenant = CrmPlatform.SalesforceTenant,
        string accountId = AccountId, string currency = "USD") => new
    {
        tenant,
        accountId,
        opportunityId,
        currency,
        taxRate,
        validUntil = "2026-12-31T00:00:00Z",
        lines = new object[]
        {
            new { sku = "TPS-SEAT", description = "TPS report automation seat", quantity = 10, unitPrice = new { amount = 900.00m, currency }, discountPercent = 5 },
            new { sku = "TPS-ONBOARD", description = "Onboarding", quantity = 1, unitPrice = new { amount = 1000.00m, currency }, discountPercent = 0 },
        },
    };
}
