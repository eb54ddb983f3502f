namespace ApiPlatform.EndToEnd.Tests;

/// <summary>
/// The shipped catalog, with analytics v1 deprecated in favour of a draft v2: the shipped partner-portal v1 shows a
/// deprecation whose successor is published, this one a deprecation whose successor is not (its document is 404).
/// </summary>
internal static class TestCatalog
{
    public static string Create(string folder)
    {
        var shipped = Path.Combine(AppContext.BaseDirectory, "catalog");
        Directory.CreateDirectory(Path.Combine(folder, "apis"));
        foreach (var file in Directory.EnumerateFiles(shipped, "*.yaml", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(folder, Path.GetRelativePath(shipped, file)));
        }

        var analytics = Path.Combine(folder, "apis", "analytics.yaml");
        File.WriteAllText(analytics, File.ReadAllText(analytics).Replace(
            """
              - major: 1
                status: active
                releasedAt: 2026-11-01T00:00:00Z
            """,
            """
              - major: 1
                status: deprecated
                releasedAt: 2026-11-01T00:00:00Z
                deprecatedAt: 2026-11-15T00:00:00Z
                sunsetAt: 2099-01-01T00:00:00Z
                successor: 2
              - major: 2
                status: draft
            """, StringComparison.Ordinal));
        return folder;
    }
}
