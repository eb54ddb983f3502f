using System.Net;
using System.Text.Json;

namespace ApiPlatform.Identity.Tests;

internal sealed record TokenResponse(HttpStatusCode Status, JsonElement Body)
{
    public string AccessToken => Body.GetProperty("access_token").GetString()!;

    public string? Error => Body.TryGetProperty("error", out var error) ? error.GetString() : null;
}
