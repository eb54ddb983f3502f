using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace ApiPlatform.Identity.Keys;

/// <summary>
/// The AES-256 key that encrypts the authorization codes and refresh tokens only this server reads, derived (HKDF-SHA256)
/// from a signing key's private part: every replica holding the signing keys derives the same key, with no second secret
/// to distribute, and a rotated signing key rotates it too.
/// </summary>
internal static class TokenEncryptionKey
{
    private static readonly byte[] Purpose = Encoding.ASCII.GetBytes("ApiPlatform.Identity token encryption v1");

    public static SymmetricSecurityKey DeriveFrom(RsaSecurityKey signingKey)
    {
        var rsa = signingKey.Rsa ?? throw new InvalidOperationException("A signing key without its RSA private key cannot derive an encryption key.");
        var secret = rsa.ExportPkcs8PrivateKey();
        try
        {
            return new SymmetricSecurityKey(HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 32, salt: [], info: Purpose))
            {
                KeyId = signingKey.KeyId + ".enc",
            };
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }
}
