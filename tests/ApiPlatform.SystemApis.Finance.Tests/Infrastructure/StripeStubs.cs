using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace ApiPlatform.SystemApis.Finance.Tests.Infrastructure;

/// <summary>Stripe API objects as its API reference shows them (API version 2024-06-20).</summary>
internal static class StripeStubs
{
    public const string SecretKey = "sk_test_51InitechTestKey000000000000";

    public static string Subscription(string id, string customer = "cus_QkL2m3N4o5P6q7", long unitAmount = 9900, long quantity = 3, string status = "active") => $$"""
        {"id":"{{id}}","object":"subscription","customer":"{{customer}}","status":"{{status}}","current_period_start":1764201600,
         "current_period_end":1766880000,"canceled_at":null,"livemode":false,"metadata":{"tenant":"initech"},
         "items":{"object":"list","data":[{"id":"si_R1s2T3u4V5w6X7","object":"subscription_item","quantity":{{quantity}},
           "price":{"id":"price_1PlatformProMonthly","object":"price","unit_amount":{{unitAmount}},"currency":"eur","recurring":{"interval":"month","interval_count":1} } }],
           "has_more":false,"url":"/v1/subscription_items?subscription={{id}}"} }
        """;

    public static string Customer(string id, string name = "Initech GmbH") => $$"""
        {"id":"{{id}}","object":"customer","name":"{{name}}","email":"billing@initech.example","currency":"eur","livemode":false,
         "metadata":{"tenant":"initech","account_id":"acc-initech-1"},"created":1764201600}
        """;

    public static string List(bool hasMore, string url, params string[] data) => $$"""
        {"object":"list","data":[{{string.Join(",", data)}}],"has_more":{{(hasMore ? "true" : "false")}},"url":"{{url}}"}
        """;

    public static string InvoicePaid(string eventId, string invoiceId, long amountPaid = 35343, long tax = 5643, string currency = "eur", long created = 1764237600) => $$"""
        {"id":"{{eventId}}","object":"event","api_version":"2024-06-20","created":{{created}},"livemode":false,"type":"invoice.paid",
         "pending_webhooks":1,"request":{"id":null,"idempotency_key":null},
         "data":{"object":{"id":"{{invoiceId}}","object":"invoice","customer":"cus_QkL2m3N4o5P6q7","subscription":"sub_1QkL2m3N4o5P6q7R",
           "status":"paid","currency":"{{currency}}","total":{{amountPaid}},"amount_paid":{{amountPaid}},"tax":{{tax}},"billing_reason":"subscription_cycle"} } }
        """;

    public const string RateLimited = """{"error":{"message":"Too many requests hit the API too quickly. We recommend an exponential backoff of your requests.","type":"invalid_request_error","code":"rate_limit"}}""";

    public const string InvalidKey = """{"error":{"message":"Invalid API Key provided: sk_test_****0000","type":"invalid_request_error"}}""";

    public static IRequestBuilder Get(string path) => Request.Create().WithPath(path).UsingGet().WithHeader("Authorization", $"Bearer {SecretKey}");

    public static IResponseBuilder Json(int status, string body) =>
        Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithHeader("Request-Id", "req_Test123").WithBody(body);
}
