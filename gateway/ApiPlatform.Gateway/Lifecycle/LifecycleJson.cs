using System.Text.Json;

namespace ApiPlatform.Gateway.Lifecycle;

internal static class LifecycleJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
