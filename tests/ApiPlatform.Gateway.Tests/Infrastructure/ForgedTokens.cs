using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace ApiPlatform.Gateway.Tests.Infrastructure;

/// <summary>Every way of forging or bending an access token that the gateway must refuse with 401.</summary>
public static class ForgedTokens
{
    public static readonly string[] Variants =
    [
        "none", "malformed", "alg-none", "hs256-with-public-key", "wrong-issuer", "wrong-audience",
        "expired-beyond-skew", "not-yet-valid", "unknown-kid", "tampered-payload",
    ];

    /// <summary>The forged token of <paramref name="variant"/> for an API; null means no token at all.</summary>
    public static string? Create(string variant, TestIssuer issuer, string audience, string scope)
    {
        var now = DateTime.UtcNow;
        var descriptor = issuer.Descriptor(audience, scope);
        switch (variant)
        {
            case "none":
                return null;
            case "malformed":
                return "not.a-jwt";
            case "alg-none":
                var valid = issuer.Sign(descriptor).Split('.');
                return $"{Segment("""{"alg":"none","typ":"at+jwt"}""")}.{valid[1]}.";
            case "hs256-with-public-key":
                var pem = Encoding.UTF8.GetBytes(issuer.SigningKey.Rsa.ExportSubjectPublicKeyInfoPem());
                return issuer.Sign(descriptor, new SigningCredentials(
                    new SymmetricSecurityKey(pem) { KeyId = issuer.SigningKey.KeyId }, SecurityAlgorithms.HmacSha256));
            case "wrong-issuer":
                descriptor.Issuer = "https://evil.example/";
                return issuer.Sign(descriptor);
            case "wrong-audience":
                descriptor.Audience = "somebody-else";
                return issuer.Sign(descriptor);
            case "expired-beyond-skew":
                (descriptor.IssuedAt, descriptor.NotBefore, descriptor.Expires) = (now.AddHours(-1), now.AddHours(-1), now.AddMinutes(-5));
                return issuer.Sign(descriptor);
            case "not-yet-valid":
                (descriptor.IssuedAt, descriptor.NotBefore, descriptor.Expires) = (now, now.AddMinutes(5), now.AddHours(1));
                return issuer.Sign(descriptor);
            case "unknown-kid":
                using (var stranger = RSA.Create(2048))
                {
                    return issuer.Sign(descriptor, new SigningCredentials(
                        new RsaSecurityKey(stranger) { KeyId = "unknown-key" }, SecurityAlgorithms.RsaSha256));
                }
            case "tampered-payload":
                var parts = issuer.Sign(descriptor).Split('.');
                var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1])).Replace(scope, scope + " platform:admin", StringComparison.Ordinal);
                return $"{parts[0]}.{Segment(payload)}.{parts[2]}";
            default:
                throw new ArgumentOutOfRangeException(nameof(variant), variant, null);
        }
    }

    private static string Segment(string json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json));
}
