using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace ApiPlatform.SystemApis.Crm.Tests.Infrastructure;

/// <summary>Salesforce REST API answers as its documentation shows them (OAuth client credentials, SOQL query, sObject upsert).</summary>
internal static class SalesforceStubs
{
    public const string ClientId = "3MVG9initechConnectedApp";
    public const string Api = "/services/data/v62.0";

    public const string Token = """
        {"access_token":"00D5g000004XyZ!AQ8AQH.initech-test-token","signature":"p7LmS2yR0Nq3xVcqz2m0y5eRzK0=","scope":"api",
         "instance_url":"https://initech.my.salesforce.com","id":"https://login.salesforce.com/id/00D5g000004XyZEAA/0055g00000AbCdEAAZ",
         "token_type":"Bearer","issued_at":"1764230400000"}
        """;

    public static string Account(string id, string name, string? parentId = null, string country = "US", string currency = "USD") => $$"""
        {"attributes":{"type":"Account","url":"{{Api}}/sobjects/Account/{{id}}"},"Id":"{{id}}","Name":"{{name}}",
         "ParentId":{{(parentId is null ? "null" : $"\"{parentId}\"")}},"BillingCountryCode":"{{country}}","CurrencyIsoCode":"{{currency}}",
         "Industry":"Software","LastModifiedDate":"2026-11-02T09:15:00.000+0000"}
        """;

    public static string Query(int totalSize, string? nextRecordsUrl, params string[] records) => $$"""
        {"totalSize":{{totalSize}},"done":{{(nextRecordsUrl is null ? "true" : "false")}},
         {{(nextRecordsUrl is null ? "" : $"\"nextRecordsUrl\":\"{nextRecordsUrl}\",")}}"records":[{{string.Join(",", records)}}]}
        """;

    public const string RequestLimitExceeded = """[{"message":"TotalRequests Limit exceeded.","errorCode":"REQUEST_LIMIT_EXCEEDED"}]""";

    public const string InvalidSession = """[{"message":"Session expired or invalid","errorCode":"INVALID_SESSION_ID"}]""";

    public const string InvalidClient = """{"error":"invalid_client","error_description":"invalid client credentials"}""";

    public static void Reset(WireMockServer server)
    {
        server.Reset();
        server.Given(Request.Create().WithPath("/services/oauth2/token").UsingPost().WithBody(new WildcardMatcher("*grant_type=client_credentials*")))
            .RespondWith(Json(200, Token));
    }

    public static IRequestBuilder Soql(string contains) =>
        Request.Create().WithPath($"{Api}/query").UsingGet().WithParam("q", new WildcardMatcher($"*{contains}*"));

    public static IResponseBuilder Json(int status, string body) =>
        Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json;charset=UTF-8").WithBody(body);
}
