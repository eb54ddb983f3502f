using System.Net;
using System.Net.Sockets;
using System.Text;
using ApiPlatform.Gateway.Audit;
using ApiPlatform.Gateway.Tests.Infrastructure;
using ApiPlatform.ServiceDefaults.Errors;

namespace ApiPlatform.Gateway.Tests.Hardening;

/// <summary>
/// Answers of the edge as a whole: methods it cannot forward are the caller's 405, no answer names the server
/// software, and an oversized token request is refused before the token server reads it.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class EdgeAnswerTests(GatewayFixture fixture)
{
    [Theory]
    [InlineData("CONNECT", "/system/crm/v1/accounts")]
    [InlineData("TRACE", "/system/crm/v1/accounts")]
    [InlineData("PROPFIND", "/experience/partner-portal/v2/orders")]
    [InlineData("CONNECT", "/connect/token")]
    [InlineData("TRACE", "/.well-known/openid-configuration")]
    public async Task A_method_the_gateway_cannot_forward_is_405_with_allow_and_audited_as_the_callers_error(string method, string path)
    {
        await using var gateway = await TestGateway.StartAsync(fixture);
        var token = path.StartsWith("/system", StringComparison.Ordinal) ? fixture.Token("crm", "system:crm")
            : fixture.Token("partner-portal", "experience:partner-portal");

        var (backend, issuer) = (fixture.Backend.Requests, fixture.Issuer.TokenRequests);

        var answer = await RawAsync(gateway.Host.Address,
            $"{method} {path} HTTP/1.1\r\nHost: gateway.test\r\nAuthorization: Bearer {token}\r\nContent-Length: 0\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 405 ", answer, StringComparison.Ordinal);
        Assert.Contains("\r\nAllow: GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS\r\n", answer, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("\r\nContent-Type: application/problem+json", answer, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(ProblemTypes.MethodNotAllowed, answer, StringComparison.Ordinal);
        Assert.Equal((backend, issuer), (fixture.Backend.Requests, fixture.Issuer.TokenRequests));
        if (!path.StartsWith("/connect", StringComparison.Ordinal) && !path.StartsWith("/.well-known", StringComparison.Ordinal))
        {
            var record = Assert.Single(gateway.Host.Logs.Category(TrafficAuditLog.Category));
            Assert.Equal(405, record.Fields["Status"]);
        }
    }

    [Theory]
    [InlineData("/system/crm/v1/accounts", true)]
    [InlineData("/experience/partner-portal/v2/orders", true)]
    [InlineData("/.well-known/openid-configuration", false)]
    [InlineData("/.well-known/jwks", false)]
    [InlineData("/developers", false)]
    [InlineData("/catalog/apis", false)]
    [InlineData("/nothing/here", false)]
    [InlineData("/system/crm/v9/accounts", true)]
    public async Task No_answer_of_the_gateway_names_the_server_software(string path, bool authenticated)
    {
        var token = !authenticated ? null : path.StartsWith("/system", StringComparison.Ordinal)
            ? fixture.Token("crm", "system:crm") : fixture.Token("partner-portal", "experience:partner-portal");

        using var response = await fixture.Gateway.GetAsync(path, token);

        Assert.False(response.Headers.Contains("Server"), $"{path} ({(int)response.StatusCode}) answered Server: {response.Headers.Server}");
    }

    [Fact]
    public async Task The_token_endpoint_answers_without_a_server_header()
    {
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials" });

        using var response = await fixture.Gateway.SendAsync(HttpMethod.Post, "/connect/token", content: content);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(response.Headers.Contains("Server"), $"/connect/token answered Server: {response.Headers.Server}");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_oversized_token_request_is_413_problem_before_the_token_server_reads_it(bool chunked)
    {
        await using var gateway = await TestGateway.StartAsync(fixture);
        var before = fixture.Issuer.TokenRequests;
        // Declared: a value over 4 MiB, refused from its Content-Length alone. Chunked: over the 64 KiB limit but small
        // enough for the client to finish sending before the gateway answers and closes (a 4 MiB chunked body meets a
        // closed connection mid-write, which the client reports as a broken pipe instead of reading the 413).
        var secret = new string('x', chunked ? 96 * 1024 : 4 * 1024 * 1024 + 1);
        var body = Encoding.ASCII.GetBytes($"grant_type=client_credentials&client_id=crm&client_secret={secret}");
        using var content = new StreamContent(new MemoryStream(body));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded");
        content.Headers.ContentLength = chunked ? null : body.Length;

        using var response = await gateway.Host.SendAsync(HttpMethod.Post, "/connect/token", content: content,
            headers: headers => headers.TransferEncodingChunked = chunked ? true : null);

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, ProblemTypes.PayloadTooLarge);
        if (!chunked)
        {
            Assert.Equal(before, fixture.Issuer.TokenRequests);
        }
    }

    private static async Task<string> RawAsync(Uri address, string request)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(address.Host, address.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        var answer = new StringBuilder();
        var buffer = new byte[8192];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!IsComplete(answer.ToString()))
        {
            var read = await stream.ReadAsync(buffer, timeout.Token);
            if (read == 0)
            {
                break;
            }
            answer.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }
        return answer.ToString();
    }

    private static bool IsComplete(string answer)
    {
        var end = answer.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (end < 0)
        {
            return false;
        }
        var length = answer[..end].Split("\r\n").Select(line => line.Split(':', 2))
            .Where(parts => parts.Length == 2 && parts[0].Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            .Select(parts => int.Parse(parts[1].Trim(), System.Globalization.CultureInfo.InvariantCulture)).FirstOrDefault();
        return answer.Length - end - 4 >= length;
    }
}
