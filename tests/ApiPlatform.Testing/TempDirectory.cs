namespace ApiPlatform.Testing;

/// <summary>
/// A folder under the temp path that one test host owns (its SQLite files, keys, catalog), removed when the host is
/// disposed. The host creates what it needs inside it.
/// </summary>
public sealed class TempDirectory(string prefix) : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"apiplatform-{prefix}-{Guid.NewGuid():N}");

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold a file for a moment; the temp folder is left to the OS.
        }
    }
}
