using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace ApiPlatform.SystemApis.Crm.Tests.Infrastructure;

/// <summary>HubSpot CRM v3 answers as its documentation shows them (search with paging.next.after, objects, errors).</summary>
internal static class HubSpotStubs
{
    public const string AccessToken = "pat-na1-0c7b2a10-umbrella-test";

    public static string Company(string id, string name, string country = "US", string? parentId = null) => $$"""
        {"id":"{{id}}","properties":{"name":"{{name}}","country":"{{country}}","industry":"Biotechnology",
          "hs_parent_company_id":{{(parentId is null ? "null" : $"\"{parentId}\"")}},"createdate":"2026-10-01T08:00:00.000Z",
          "hs_lastmodifieddate":"2026-11-03T10:30:00.000Z","hs_object_id":"{{id}}"},
         "createdAt":"2026-10-01T08:00:00.000Z","updatedAt":"2026-11-03T10:30:00.000Z","archived":false}
        """;

    public static string Search(int total, string? after, params string[] results) => $$"""
        {"total":{{total}},"results":[{{string.Join(",", results)}}]{{(after is null ? "" : $",\"paging\":{{\"next\":{{\"after\":\"{after}\",\"link\":\"?after={after}\"}}}}")}}}
        """;

    public const string RateLimited = """
        {"status":"error","message":"You have reached your secondly limit.","errorType":"RATE_LIMIT","correlationId":"c033cdaa-2c40-4a64-ae48-b4cec88dad24","policyName":"SECONDLY"}
        """;

    public const string Unauthenticated = """
        {"status":"error","message":"Authentication credentials not found. This API supports OAuth 2.0 authentication.","correlationId":"4f1b2d6e-7f6a-4c59-9b43-3c5d2f0e8a11","category":"INVALID_AUTHENTICATION"}
        """;

    public static IRequestBuilder SearchOf(string objectType) =>
        Request.Create().WithPath($"/crm/v3/objects/{objectType}/search").UsingPost().WithHeader("Authorization", $"Bearer {AccessToken}");

    public static IResponseBuilder Json(int status, string body) =>
        Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json;charset=utf-8").WithBody(body);

    public static WildcardMatcher BodyWith(string fragment) => new($"*{fragment}*");
}
