using System.Runtime.InteropServices;

namespace ApiPlatform.AppHost;

/// <summary>
/// The data folder holds every service's database (the token server's too) and the signing keys: only the user who runs
/// the platform may read it. The process umask makes everything created from now on owner-only (SQLite's -wal and -shm
/// files included, which take the database file's mode); what an earlier run left is tightened at start.
/// </summary>
internal static class OwnerOnlyData
{
    private const UnixFileMode Directory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode File = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static void Prepare(string dataDirectory)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        _ = umask(0b000_111_111);
        var root = System.IO.Directory.CreateDirectory(dataDirectory, Directory);
        root.UnixFileMode = Directory;
        foreach (var entry in root.EnumerateFileSystemInfos("*", SearchOption.AllDirectories))
        {
            if (entry.LinkTarget is null)
            {
                entry.UnixFileMode = entry is DirectoryInfo ? Directory : entry.UnixFileMode & File;
            }
        }
    }

    // A plain DllImport of blittable arguments: LibraryImport would need unsafe code for this one call.
#pragma warning disable SYSLIB1054
    [DllImport("libc", EntryPoint = "umask")]
    private static extern uint umask(uint mask);
#pragma warning restore SYSLIB1054
}
