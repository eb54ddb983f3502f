using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace ApiPlatform.Identity.Tests;

/// <summary>
/// Sends a chunked request body over a plain socket and reads the answer even when the server answers before the body
/// ended and closes the connection under the sender. HttpClient reports that race as a broken pipe and drops the
/// answer; a client that reads what arrived (as browsers and proxies do) sees it, and so does this.
/// </summary>
internal static class ChunkedSender
{
    public static async Task<(int Status, string? ContentType, string Body)> PostAsync(Uri server, string path, string contentType, byte[] body)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port);
        Stream stream = client.GetStream();
        if (server.Scheme == Uri.UriSchemeHttps)
        {
            var tls = new SslStream(stream, leaveInnerStreamOpen: false, (_, certificate, _, _) => TestCertificate.IsTrusted(certificate as X509Certificate2));
            await tls.AuthenticateAsClientAsync(server.Host);
            stream = tls;
        }
        await using var owned = stream;
        var head = $"POST {path} HTTP/1.1\r\nHost: {server.Authority}\r\nContent-Type: {contentType}\r\nTransfer-Encoding: chunked\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        try
        {
            const int ChunkSize = 16 * 1024;
            for (var offset = 0; offset < body.Length && client.Available == 0; offset += ChunkSize)
            {
                var length = Math.Min(ChunkSize, body.Length - offset);
                await stream.WriteAsync(Encoding.ASCII.GetBytes($"{length:x}\r\n"));
                await stream.WriteAsync(body.AsMemory(offset, length));
                await stream.WriteAsync("\r\n"u8.ToArray());
            }
            if (client.Available == 0)
            {
                await stream.WriteAsync("0\r\n\r\n"u8.ToArray());
            }
        }
        catch (IOException)
        {
            // The server answered and closed while the body was still going out: its answer is read below.
        }

        var received = new MemoryStream();
        var buffer = new byte[8192];
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            int read;
            while (!Complete(received.ToArray()) && (read = await stream.ReadAsync(buffer, timeout.Token)) > 0)
            {
                received.Write(buffer, 0, read);
            }
        }
        catch (IOException)
        {
            // Reset after the answer: what arrived before it is what the server said.
        }
        return Parse(Encoding.UTF8.GetString(received.ToArray()));
    }

    private static bool Complete(byte[] response)
    {
        var text = Encoding.UTF8.GetString(response);
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        return end >= 0 && Header(text[..end], "Content-Length") is { } length && Encoding.UTF8.GetByteCount(text[(end + 4)..]) >= int.Parse(length);
    }

    private static (int Status, string? ContentType, string Body) Parse(string response)
    {
        var end = response.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        Assert.True(end > 0, $"no complete answer arrived: '{response}'");
        var head = response[..end];
        var status = int.Parse(head.Split(' ')[1]);
        var body = response[(end + 4)..];
        if (Header(head, "Transfer-Encoding")?.Contains("chunked", StringComparison.OrdinalIgnoreCase) == true)
        {
            var decoded = new StringBuilder();
            var rest = body;
            while (rest.IndexOf("\r\n", StringComparison.Ordinal) is var line and > 0 && Convert.ToInt32(rest[..line], 16) is var size and > 0)
            {
                decoded.Append(rest, line + 2, size);
                rest = rest[(line + 2 + size + 2)..];
            }
            body = decoded.ToString();
        }
        return (status, Header(head, "Content-Type")?.Split(';')[0].Trim(), body);
    }

    private static string? Header(string head, string name) => head.Split("\r\n").Skip(1)
        .Select(line => line.Split(':', 2)).Where(parts => parts.Length == 2 && parts[0].Trim().Equals(name, StringComparison.OrdinalIgnoreCase))
        .Select(parts => parts[1].Trim()).FirstOrDefault();
}
