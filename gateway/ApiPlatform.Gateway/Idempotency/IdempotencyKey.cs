using Microsoft.Extensions.Primitives;

namespace ApiPlatform.Gateway.Idempotency;

/// <summary>
/// Reads the <c>Idempotency-Key</c> field: an sf-string per the draft (<c>"8e03978e-…"</c>), or the same characters
/// unquoted as many clients send them. One field value of 1–255 visible ASCII characters; anything else is malformed.
/// </summary>
internal static class IdempotencyKey
{
    public const string ReplayedHeader = "Idempotent-Replayed";
    private const int MaxLength = 255;

    public static bool TryParse(StringValues values, out string key)
    {
        key = "";
        if (values.Count != 1 || values[0] is not { Length: > 0 } raw)
        {
            return false;
        }

        var value = raw.AsSpan();
        if (value.Length >= 2 && value[0] == '"' && value[^1] == '"')
        {
            value = value[1..^1];
        }
        if (value.Length is 0 or > MaxLength)
        {
            return false;
        }
        foreach (var c in value)
        {
            // Visible ASCII without the quote and backslash that sf-string would need escaped, and no spaces or commas.
            if (c is < '!' or > '~' or '"' or '\\' or ',')
            {
                return false;
            }
        }
        key = value.ToString();
        return true;
    }
}
