using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace ApiPlatform.Identity.Keys;

/// <summary>
/// The RSA signing keys, read from PEM files so tokens survive a restart. The last file name in ordinal order signs;
/// every key stays published so tokens signed before a rotation keep validating.
/// </summary>
internal sealed class SigningKeyStore(IOptions<IdentityServerOptions> options, IConfiguration configuration, IHostEnvironment environment, ILogger<SigningKeyStore> logger)
{
    private const int MinimumKeySize = 2048;
    private readonly Lazy<IReadOnlyList<RsaSecurityKey>> keys = new(() => Load(options.Value, configuration, environment, logger));

    /// <summary>Newest first: the first key signs.</summary>
    public IReadOnlyList<RsaSecurityKey> Keys => keys.Value;

    private static List<RsaSecurityKey> Load(IdentityServerOptions options, IConfiguration configuration, IHostEnvironment environment, ILogger logger)
    {
        var folder = Path.GetFullPath(options.SigningKeys.Path ?? Path.Combine(configuration["Database:DataDirectory"] ?? ".data", "identity-keys"));
        var files = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.pem") : [];
        if (files.Length == 0 && environment.IsDevelopment())
        {
            files = [SigningKeyFile.Generate(folder, MinimumKeySize)];
            logger.LogWarning("Generated a development signing key in {Folder}", folder);
        }
        if (files.Length == 0)
        {
            throw new InvalidOperationException(
                $"No signing key (*.pem) found in '{folder}'. Set 'Identity:SigningKeys:Path' to a folder holding an RSA private key " +
                $"of at least {MinimumKeySize} bits as PEM; keys are generated only in the Development environment.");
        }
        return [.. files.OrderDescending(StringComparer.Ordinal).Select(ReadKey)];
    }

    private static RsaSecurityKey ReadKey(string file)
    {
        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(File.ReadAllText(file));
            // Signing needs the private part; a public-only PEM would only fail at the first token request.
            _ = rsa.ExportParameters(includePrivateParameters: true);
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
            rsa.Dispose();
            throw new InvalidOperationException($"Signing key '{file}' is not an RSA private key in PEM format: {ex.Message}", ex);
        }
        if (rsa.KeySize is var size && size < MinimumKeySize)
        {
            rsa.Dispose();
            throw new InvalidOperationException($"Signing key '{file}' has {size} bits; at least {MinimumKeySize} are required.");
        }

        var key = new RsaSecurityKey(rsa);
        // The RFC 7638 thumbprint names the key the same way on every replica and after every restart.
        key.KeyId = Base64UrlEncoder.Encode(key.ComputeJwkThumbprint());
        return key;
    }
}
