using System.Globalization;

namespace ApiPlatform.Gateway.Lifecycle;

/// <summary>Reads the <c>v{major}</c> segment that follows an API's path prefix, without allocating.</summary>
internal static class VersionSegment
{
    public static bool TryParse(PathString path, int prefixLength, out int major)
    {
        major = 0;
        var value = path.Value.AsSpan();
        if (value.Length < prefixLength + 3)
        {
            return false;
        }

        var rest = value[prefixLength..];
        if (rest[0] != '/' || rest[1] != 'v')
        {
            return false;
        }

        rest = rest[2..];
        var end = rest.IndexOf('/');
        var digits = end < 0 ? rest : rest[..end];
        // "v01" would reach the upstream as another path than "v1", so only canonical numbers match.
        return digits.Length is > 0 and <= 6
            && digits[0] != '0'
            && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out major);
    }

    private static readonly string[] Names = [.. Enumerable.Range(0, 16).Select(major => $"v{major}")];

    /// <summary>"v{major}", without allocating for the versions a catalog has.</summary>
    public static string Name(int major) => major < Names.Length ? Names[major] : $"v{major}";
}
