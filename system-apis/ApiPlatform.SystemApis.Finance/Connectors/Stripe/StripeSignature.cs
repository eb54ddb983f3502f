using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ApiPlatform.SystemApis.Finance.Connectors.Stripe;

/// <summary>
/// Verifies <c>Stripe-Signature</c> (<c>t=…,v1=…</c>): an HMAC-SHA256 of <c>{t}.{payload}</c> with the endpoint's
/// signing secret, compared in constant time, and a timestamp within the tolerance so an old delivery cannot be replayed.
/// </summary>
public static class StripeSignature
{
    public static bool IsValid(string? header, string payload, string secret, DateTimeOffset now, TimeSpan tolerance)
    {
        if (string.IsNullOrEmpty(header) || header.Length > 2048)
        {
            return false;
        }

        var parts = header.Split(',').Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToList();
        var timestamp = parts.FirstOrDefault(p => p[0] == "t")?[1];
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds < 0 || seconds > 253402300799 || (now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > tolerance)
        {
            return false;
        }

        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{payload}"));
        return parts.Where(p => p[0] == "v1").Any(p => Matches(p[1], expected));
    }

    public static string Sign(string payload, string secret, DateTimeOffset at)
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{payload}")));
        return $"t={timestamp},v1={signature}";
    }

    private static bool Matches(string hex, byte[] expected)
    {
        try
        {
            return hex.Length == expected.Length * 2 && CryptographicOperations.FixedTimeEquals(Convert.FromHexString(hex), expected);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
