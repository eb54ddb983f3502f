using System.Net;
using System.Net.Sockets;
using System.Text;
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

        // Without the password the server answers NOAUTH to any command, and a wrong password does not let a client in.
        // Asked over a plain socket: a client library's connection handshake and retries would stand between the test and
        // the server's own answer (and make what it reports depend on timing).
        var (host, port) = options.EndPoints[0] switch
        {
            DnsEndPoint dns => (dns.Host, dns.Port),
            IPEndPoint ip => (ip.Address.ToString(), ip.Port),
            var other => throw new InvalidOperationException($"Unexpected endpoint {other}"),
        };
        Assert.StartsWith("-NOAUTH", await AskAsync(host, port, "GET", "apiplatform:probe"));
        Assert.StartsWith("-", await AskAsync(host, port, "AUTH", "not-the-password"));
        Assert.StartsWith("-NOAUTH", await AskAsync(host, port, "AUTH", "not-the-password", "GET", "apiplatform:probe"));
    }

    /// <summary>
    /// Sends commands (pairs of command and argument) in RESP on a new connection and answers the server's reply to the
    /// last one's first line.
    /// </summary>
    private static async Task<string> AskAsync(string host, int port, params string[] words)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(host, port).WaitAsync(TimeSpan.FromSeconds(5));
        var stream = client.GetStream();
        var request = new StringBuilder();
        for (var i = 0; i < words.Length; i += 2)
        {
            request.Append("*2\r\n");
            foreach (var word in words.AsSpan(i, 2))
            {
                request.Append('$').Append(Encoding.UTF8.GetByteCount(word)).Append("\r\n").Append(word).Append("\r\n");
            }
        }
        await stream.WriteAsync(Encoding.UTF8.GetBytes(request.ToString()));
        using var reader = new StreamReader(stream, Encoding.UTF8, leaveOpen: true);
        string? line = null;
        for (var i = 0; i < words.Length; i += 2)
        {
            line = await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(5));
        }
        return line ?? "";
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
