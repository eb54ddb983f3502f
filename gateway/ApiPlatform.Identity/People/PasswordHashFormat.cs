namespace ApiPlatform.Identity.People;

/// <summary>The ASP.NET Core Identity v3 hash layout: marker 0x01, PRF, iteration count, salt length, salt, subkey.</summary>
internal static class PasswordHashFormat
{
    private const int HeaderLength = 13;

    public static bool IsValid(string hash)
    {
        var bytes = new byte[hash.Length];
        if (!Convert.TryFromBase64String(hash, bytes, out var length) || length < HeaderLength || bytes[0] != 0x01)
        {
            return false;
        }
        var saltLength = (bytes[9] << 24) | (bytes[10] << 16) | (bytes[11] << 8) | bytes[12];
        return saltLength >= 16 && length - HeaderLength - saltLength >= 16;
    }
}
