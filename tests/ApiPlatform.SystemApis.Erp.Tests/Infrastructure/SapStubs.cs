using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace ApiPlatform.SystemApis.Erp.Tests.Infrastructure;

/// <summary>SAP S/4HANA Cloud OData v2 answers as the API Business Hub documents them.</summary>
internal static class SapStubs
{
    public const string Username = "COMM_USER_APIPLATFORM";
    public const string Password = "initech-comm-secret";
    public const string BusinessPartners = "/sap/opu/odata/sap/API_BUSINESS_PARTNER/A_BusinessPartner";
    public const string SalesOrders = "/sap/opu/odata/sap/API_SALES_ORDER_SRV/A_SalesOrder";
    public const string CsrfToken = "k1Jx8Qh3r2VbXw9Y0zPq7A==";

    public static string BusinessPartner(string id, string name, string extId, string country = "DE") => $$"""
        {"__metadata":{"id":"https://my300000-api.s4hana.ondemand.com{{BusinessPartners}}('{{id}}')","type":"API_BUSINESS_PARTNER.A_BusinessPartnerType"},
         "BusinessPartner":"{{id}}","BusinessPartnerCategory":"2","BusinessPartnerFullName":"{{name}}","OrganizationBPName1":"{{name}}",
         "BusinessPartnerIDByExtSystem":"{{extId}}","BusinessPartnerIsBlocked":false,"LastChangeDate":"/Date(1761955200000)/",
         "to_BusinessPartnerAddress":{"results":[{"Country":"{{country}}","CityName":"Walldorf","PostalCode":"69190","StreetName":"Dietmar-Hopp-Allee","HouseNumber":"16","Region":"08"} ] } }
        """;

    public static string SalesOrder(string id, string reference, string total = "240.00", string status = "A") => $$"""
        {"__metadata":{"type":"API_SALES_ORDER_SRV.A_SalesOrderType"},"SalesOrder":"{{id}}","SalesOrderType":"OR","SoldToParty":"10100001",
         "PurchaseOrderByCustomer":"{{reference}}","TransactionCurrency":"EUR","TotalNetAmount":"{{total}}","OverallSDProcessStatus":"{{status}}",
         "OverallSDDocumentRejectionSts":"","CreationDate":"/Date(1764201600000)/",
         "to_Item":{"results":[{"SalesOrder":"{{id}}","SalesOrderItem":"10","Material":"SPARE-KIT","SalesOrderItemText":"Spare parts kit",
           "RequestedQuantity":"2","RequestedQuantityUnit":"PC","NetAmount":"240.00","TransactionCurrency":"EUR"} ] } }
        """;

    public static string List(int count, params string[] results) => $$"""{"d":{"__count":"{{count}}","results":[{{string.Join(",", results)}}]} }""";

    public static string Single(string result) => $$"""{"d":{{result}}}""";

    public static string Error(string code, string message) => $$"""
        {"error":{"code":"{{code}}","message":{"lang":"en","value":"{{message}}"},"innererror":{"application":{"component_id":"SD-SLS-API"},"transactionid":"5F2A1B","timestamp":"20261127101500.1234560"} } }
        """;

    public static IRequestBuilder Get(string path) => Request.Create().WithPath(path).UsingGet().WithHeader("Authorization", new WildcardMatcher("Basic *"));

    public static IResponseBuilder Json(int status, string body) =>
        Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithHeader("dataserviceversion", "2.0").WithBody(body);

    public static IResponseBuilder Token() =>
        Response.Create().WithStatusCode(200).WithHeader("x-csrf-token", CsrfToken).WithHeader("Set-Cookie", "SAP_SESSIONID_ZI3_100=abc123; path=/; secure; HttpOnly");
}
