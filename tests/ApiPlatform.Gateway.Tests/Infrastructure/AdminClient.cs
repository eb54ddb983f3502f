using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace ApiPlatform.Gateway.Tests.Infrastructure;

/// <summary>Calls the gateway's admin API as a platform admin (audience platform, scope platform:admin).</summary>
public static class AdminClient
{
    public static string Token(TestIssuer issuer) => issuer.CreateToken("platform", "platform:admin", clientId: "ops-admin");

    public static Task<HttpResponseMessage> ChangeLifecycleAsync(GatewayHost gateway, string token, string api, int major, object lifecycle) =>
        gateway.SendAsync(HttpMethod.Put, $"/admin/apis/{api}/v{major}/lifecycle", token,
            new StringContent(JsonSerializer.Serialize(lifecycle, JsonSerializerOptions.Web), Encoding.UTF8, "application/json"));

    public static async Task<JsonElement> GetJsonAsync(GatewayHost gateway, string token, string path)
    {
        using var response = await gateway.GetAsync(path, token);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
