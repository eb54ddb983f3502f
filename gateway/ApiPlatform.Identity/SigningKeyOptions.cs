namespace ApiPlatform.Identity;

/// <summary>Where the RSA signing keys live (section <c>Identity:SigningKeys</c>).</summary>
public sealed class SigningKeyOptions
{
    /// <summary>
    /// A folder of PEM files, each an RSA private key; the last file name in ordinal order signs and every key is
    /// published. Defaults to <c>{Database:DataDirectory}/identity-keys</c>.
    /// </summary>
    public string? Path { get; set; }
}
