using System.Security.Cryptography;

namespace ApiPlatform.Identity.Keys;

internal static class SigningKeyFile
{
    /// <summary>Writes a new RSA private key as PEM, named by its creation time so it sorts after older keys.</summary>
    public static string Generate(string folder, int keySize)
    {
        Directory.CreateDirectory(folder);
        using var rsa = RSA.Create(keySize);
        var file = Path.Combine(folder, $"signing-{DateTime.UtcNow:yyyyMMddTHHmmssfffZ}.pem");
        using (var stream = new FileStream(file, FileMode.CreateNew, FileAccess.Write))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(rsa.ExportPkcs8PrivateKeyPem());
        }
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return file;
    }
}
