using System.Net;
using System.Text;
using System.Text.Json;

namespace ApiPlatform.Identity.Tests;

/// <summary>A token request the form reader refuses is the caller's error (413 / 400 problem+json), never a 500.</summary>
public sealed class TokenRequestLimitTests : IAsyncLifetime
{
    private readonly TempDirectory data = new();
    private IdentityHost host = null!;

    public async Task InitializeAsync() => host = await IdentityHost.StartAsync(data.Path);

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        data.Dispose();
    }

    public static TheoryData<string, int> OversizedForms => new()
    {
        { "value-over-4-MiB", 413 },
        { "value-over-4-MiB-chunked", 413 },
        { "body-over-the-limit", 413 },
        { "1025-fields", 400 },
        { "key-over-2-KiB", 400 },
    };

    [Theory]
    [MemberData(nameof(OversizedForms))]
    public async Task An_oversized_token_request_answers_a_problem_without_internals(string form, int status)
    {
        // Expect: 100-continue lets the client read a refusal sent before its body was read, as well-behaved clients do.
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("connect/token", UriKind.Relative)) { Content = Form(form) };
        request.Headers.ExpectContinue = true;

        var (answered, contentType, body) = request.Content.Headers.ContentLength is null
            ? await ChunkedSender.PostAsync(host.Client.BaseAddress!, "/connect/token", "application/x-www-form-urlencoded", await request.Content.ReadAsByteArrayAsync())
            : await SendAsync(request);

        Assert.True(status == answered, $"{answered}: {body}");
        Assert.Equal("application/problem+json", contentType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GET", ".well-known/openid-configuration")]
    [InlineData("GET", ".well-known/jwks")]
    [InlineData("POST", "connect/token")]
    [InlineData("GET", "health/ready")]
    [InlineData("GET", "nothing/here")]
    public async Task No_answer_names_the_server_software(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        if (method == "POST")
        {
            request.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials" });
        }

        using var response = await host.Client.SendAsync(request);

        Assert.False(response.Headers.Contains("Server"), $"{path} answered Server: {string.Join(",", response.Headers.Server)}");
    }

    private async Task<(int Status, string? ContentType, string Body)> SendAsync(HttpRequestMessage request)
    {
        using var response = await host.Client.SendAsync(request);
        return ((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync());
    }

    private static HttpContent Form(string kind)
    {
        var huge = new string('x', 4 * 1024 * 1024 + 1);
        switch (kind)
        {
            case "value-over-4-MiB":
                return Encoded($"grant_type=client_credentials&client_id=crm&client_secret={huge}", chunked: false);
            case "value-over-4-MiB-chunked":
                return Encoded($"grant_type=client_credentials&client_id=crm&client_secret={huge}", chunked: true);
            case "body-over-the-limit":
                return Encoded($"grant_type=client_credentials&client_id=crm&client_secret={new string('x', 70_000)}", chunked: false);
            case "1025-fields":
                return Encoded("grant_type=client_credentials&" + string.Join("&", Enumerable.Range(0, 1025).Select(i => $"f{i}=1")), chunked: false);
            default:
                return Encoded($"grant_type=client_credentials&{new string('k', 2049)}=1", chunked: false);
        }
    }

    private static HttpContent Encoded(string body, bool chunked)
    {
        var content = new StreamContent(new MemoryStream(Encoding.ASCII.GetBytes(body)));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded");
        content.Headers.ContentLength = chunked ? null : body.Length;
        return content;
    }
}
