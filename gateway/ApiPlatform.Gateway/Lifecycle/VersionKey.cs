using System.Globalization;

namespace ApiPlatform.Gateway.Lifecycle;

/// <summary>One version of one API, written <c>{api}:v{major}</c> in the store.</summary>
internal readonly record struct VersionKey(string Api, int Major)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Api}:v{Major}");

    public static bool TryParse(string value, out VersionKey key)
    {
        key = default;
        var separator = value.LastIndexOf(":v", StringComparison.Ordinal);
        if (separator <= 0 || !int.TryParse(value.AsSpan(separator + 2), NumberStyles.None, CultureInfo.InvariantCulture, out var major))
        {
            return false;
        }
        key = new VersionKey(value[..separator], major);
        return true;
    }
}
