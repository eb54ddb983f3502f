using System.Net;
using StackExchange.Redis;

namespace ApiPlatform.EndToEnd.Tests.Security;

/// <summary>
/// The one-machine default exposes nothing to other local users: the embedded Garnet wants the password the AppHost
/// drew at start, and the data folder (databases, signing keys) is readable by its owner only.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class LocalExposureTests(PlatformFixture platform)
{
    private const UnixFileMode GroupOrOther = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    [SkippableFact]
    public async Task The_embedded_garnet_refuses_a_connection_without_its_password_while_the_platform_uses_it()
    {
        Skip.IfNot(platform.Platform.RedisIsEmbedded, "the run uses an external Redis (APIPLATFORM_TEST_REDIS)");
        var options = ConfigurationOptions.Parse(platform.Platform.RedisConnectionString);
        Assert.False(string.IsNullOrEmpty(options.Password), "the embedded Garnet must be given a password");

        // The platform works with it: a call through the gateway counts in the rate-limit buckets kept there.
        using var sales = await platform.SalesAppAsync();
        await (await sales.GetAsync("/system/crm/v1/accounts?tenant=acme")).AssertJsonAsync(HttpStatusCode.OK);
        await using (var authorized = await ConnectionMultiplexer.ConnectAsync(options))
        {
            var keys = authorized.GetServer(options.EndPoints[0]).Keys(pattern: "*", pageSize: 1000).Take(1).ToList();
            Assert.NotEmpty(keys);
        }

        // Without the password: the server answers NOAUTH to any command.
        var anonymous = options.Clone();
        anonymous.Password = null;
        anonymous.AbortOnConnectFail = false;
        anonymous.ConnectTimeout = 2000;
        await using var unauthenticated = await ConnectionMultiplexer.ConnectAsync(anonymous);
        var refusal = await Assert.ThrowsAnyAsync<RedisException>(() => unauthenticated.GetDatabase().StringGetAsync("apiplatform:probe"));
        Assert.Contains("NOAUTH", refusal.ToString(), StringComparison.OrdinalIgnoreCase);

        var wrong = options.Clone();
        wrong.Password = "not-the-password";
        wrong.AbortOnConnectFail = false;
        wrong.ConnectTimeout = 2000;
        await using var guessed = await ConnectionMultiplexer.ConnectAsync(wrong);
        await Assert.ThrowsAnyAsync<RedisException>(() => guessed.GetDatabase().StringGetAsync("apiplatform:probe"));
    }

    [SkippableFact]
    public async Task The_data_folder_and_every_file_in_it_are_owner_only()
    {
        Skip.If(OperatingSystem.IsWindows(), "Unix file modes");
        // Touch the databases (a write creates SQLite's -wal and -shm files) before looking.
        using var acme = await platform.AcmeAsync();
        await (await acme.GetAsync("/experience/partner-portal/v1/quotes")).AssertJsonAsync(HttpStatusCode.OK);

        var root = new DirectoryInfo(platform.Platform.Settings.DataDirectory);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, root.UnixFileMode);
        var entries = root.EnumerateFileSystemInfos("*", SearchOption.AllDirectories).ToList();
        if (platform.DatabaseProvider == "sqlite")
        {
            Assert.Contains(entries, e => e.Name.EndsWith(".db", StringComparison.Ordinal) || e.Name.EndsWith(".sqlite", StringComparison.Ordinal));
            Assert.Contains(entries, e => e.Name.EndsWith("-wal", StringComparison.Ordinal));
        }

        var open = entries.Where(e => (e.UnixFileMode & GroupOrOther) != 0).Select(e => $"{e.FullName} {e.UnixFileMode}").ToList();
        Assert.True(open.Count == 0, "readable by others: " + string.Join("; ", open));
    }
}
