using System.Security.Cryptography;

namespace ApiPlatform.Identity.Tests;

public sealed class SigningKeyTests : IDisposable
{
    private readonly TempDirectory data = new();

    public void Dispose() => data.Dispose();

    [Fact]
    public async Task The_development_key_is_persisted_and_survives_a_restart()
    {
        string token;
        string kid;
        await using (var first = await IdentityHost.StartAsync(data.Path))
        {
            token = await TokenApi.AccessTokenAsync(first.Client, "partner-acme");
            kid = Jwt.Read(token).Kid;
        }
        Assert.Single(Directory.GetFiles(data.Combine("identity-keys"), "*.pem"));

        await using var second = await IdentityHost.StartAsync(data.Path);

        var jwks = await Jwt.JwksAsync(second.Client);
        Assert.Equal([kid], jwks.Keys.Select(k => k.Kid));
        Assert.True((await Jwt.ValidateAsync(token, jwks, "partner-portal")).IsValid);
        Assert.Equal(kid, Jwt.Read(await TokenApi.AccessTokenAsync(second.Client, "partner-acme")).Kid);
    }

    [Fact]
    public async Task After_a_rotation_the_newest_key_signs_and_older_tokens_still_validate()
    {
        var keys = data.Combine("keys");
        WriteKey(keys, "2026-01-01.pem");
        var settings = new Dictionary<string, string?> { ["Identity:SigningKeys:Path"] = keys };
        string oldToken;
        await using (var before = await IdentityHost.StartAsync(data.Path, settings: settings))
        {
            oldToken = await TokenApi.AccessTokenAsync(before.Client, "partner-acme");
        }

        WriteKey(keys, "2026-04-01.pem");
        await using var after = await IdentityHost.StartAsync(data.Path, settings: settings);

        var jwks = await Jwt.JwksAsync(after.Client);
        var newToken = await TokenApi.AccessTokenAsync(after.Client, "partner-acme");
        Assert.Equal(2, jwks.Keys.Count);
        Assert.NotEqual(Jwt.Read(oldToken).Kid, Jwt.Read(newToken).Kid);
        Assert.Contains(jwks.Keys, k => k.Kid == Jwt.Read(newToken).Kid);
        Assert.True((await Jwt.ValidateAsync(oldToken, jwks, "partner-portal")).IsValid);
        Assert.True((await Jwt.ValidateAsync(newToken, jwks, "partner-portal")).IsValid);
    }

    [Fact]
    public async Task A_file_that_is_not_a_private_key_fails_start_naming_the_file()
    {
        var keys = data.Combine("keys");
        Directory.CreateDirectory(keys);
        using (var rsa = RSA.Create(2048))
        {
            await File.WriteAllTextAsync(Path.Combine(keys, "public-only.pem"), rsa.ExportSubjectPublicKeyInfoPem());
        }

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            IdentityHost.StartAsync(data.Path, settings: new Dictionary<string, string?> { ["Identity:SigningKeys:Path"] = keys }));

        Assert.Contains("public-only.pem", error.Message, StringComparison.Ordinal);
    }

    internal static void WriteKey(string folder, string name)
    {
        Directory.CreateDirectory(folder);
        using var rsa = RSA.Create(2048);
        File.WriteAllText(Path.Combine(folder, name), rsa.ExportPkcs8PrivateKeyPem());
    }
}
