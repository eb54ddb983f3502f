namespace ApiPlatform.Contracts.Tests;

/// <summary>A readable account of where a generated document departs from its snapshot.</summary>
internal static class SnapshotDiff
{
    public static string Describe(string api, int major, string approved, string generated) =>
        Describe($"The OpenAPI document of {api} v{major}", approved, generated, $"contracts/openapi/{api}/v{major}.json");

    public static string Describe(string what, string approved, string generated, string snapshot)
    {
        var expected = approved.Split('\n');
        var actual = generated.Split('\n');
        var lines = new List<string> { $"{what} differs from {snapshot}:" };
        var first = Enumerable.Range(0, Math.Min(expected.Length, actual.Length)).FirstOrDefault(i => expected[i] != actual[i], -1);
        if (first < 0)
        {
            first = Math.Min(expected.Length, actual.Length);
        }

        for (var i = Math.Max(0, first - 3); i < first + 12 && (i < expected.Length || i < actual.Length); i++)
        {
            var left = i < expected.Length ? expected[i] : "";
            var right = i < actual.Length ? actual[i] : "";
            lines.Add(left == right ? $"   {i + 1,5}  {left}" : $" - {i + 1,5}  {left}\n + {i + 1,5}  {right}");
        }

        lines.Add("If the change is intended (and not breaking for what is published), regenerate with APIPLATFORM_UPDATE_SNAPSHOTS=1.");
        return string.Join('\n', lines);
    }
}
