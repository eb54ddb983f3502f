using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ApiPlatform.Identity.Tests;

/// <summary>Reads a token as an API would: header, raw payload, and validation against the server's published JWKS.</summary>
internal static class Jwt
{
    public static JsonWebToken Read(string token) => new(token);

    public static JsonElement Payload(string token) =>
        JsonDocument.Parse(Base64UrlEncoder.Decode(new JsonWebToken(token).EncodedPayload)).RootElement.Clone();

    public static async Task<JsonWebKeySet> JwksAsync(HttpClient client) =>
        new(await client.GetStringAsync(new Uri(".well-known/jwks", UriKind.Relative)));

    public static Task<TokenValidationResult> ValidateAsync(string token, JsonWebKeySet jwks, string audience) =>
        new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = IdentityHost.Issuer,
            ValidAudience = audience,
            IssuerSigningKeys = jwks.GetSigningKeys(),
            ValidTypes = ["at+jwt"],
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ClockSkew = TimeSpan.FromSeconds(30),
        });
}
