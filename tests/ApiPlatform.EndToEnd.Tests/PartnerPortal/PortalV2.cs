using System.Net;
using System.Text.Json;
using ApiPlatform.Contracts;

namespace ApiPlatform.EndToEnd.Tests.PartnerPortal;

/// <summary>What the partner portal v2 tests do through the gateway: order a quote, wait for the order to reach a stage.</summary>
internal static class PortalV2
{
    public const string V1 = "/experience/partner-portal/v1";
    public const string V2 = "/experience/partner-portal/v2";

    public static Task<HttpResponseMessage> OrderAsync(HttpClient partner, string quoteId)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"{V2}/quotes/{quoteId}/order");
        request.Headers.Add(PlatformHeaders.IdempotencyKey, Guid.NewGuid().ToString("N"));
        return partner.SendAsync(request);
    }

    public static async Task<JsonElement> WaitForStageAsync(HttpClient partner, string orderId, string stage, int seconds = 60)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var order = await (await partner.GetAsync($"{V2}/orders/{orderId}")).AssertJsonAsync(HttpStatusCode.OK);
            if (order.GetProperty("status").GetString() == stage)
            {
                return order;
            }
            Assert.True(DateTime.UtcNow < until, $"order {orderId} did not reach {stage} in {seconds} s: {order}");
            await Task.Delay(100);
        }
    }

    public static List<string> Unavailable(this JsonElement view) =>
        view.GetProperty("unavailable").EnumerateArray().Select(u => u.GetString()!).ToList();
}
