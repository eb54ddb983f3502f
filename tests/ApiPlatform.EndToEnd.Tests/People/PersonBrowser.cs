using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ApiPlatform.EndToEnd.Tests.People;

/// <summary>
/// A person's browser and the console's side of the authorization code flow with PKCE (S256), against the gateway: a
/// cookie jar and no automatic redirects, so each hop is checked. The console's redirect URI is the one
/// appsettings.Development.json registers; it is read from the last redirect, never opened.
/// </summary>
internal sealed partial class PersonBrowser : IDisposable
{
    public const string ClientId = "console";
    public const string RedirectUri = "http://localhost:8080/console/signed-in";

    private readonly HttpClient client;

    public PersonBrowser(Uri gateway)
    {
#pragma warning disable CA2000 // The client owns the handler.
        client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = gateway };
#pragma warning restore CA2000
        Gateway = gateway;
    }

    public Uri Gateway { get; }

    public string Verifier { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public string AuthorizeUrl(string scope, string method = "S256")
    {
        var challenge = method == "S256"
            ? Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(Verifier))).TrimEnd('=').Replace('+', '-').Replace('/', '_')
            : Verifier;
        return "/connect/authorize?response_type=code&client_id=" + ClientId + "&redirect_uri=" + Uri.EscapeDataString(RedirectUri) +
            "&scope=" + Uri.EscapeDataString(scope) + "&state=e2e&code_challenge=" + challenge + "&code_challenge_method=" + method;
    }

    public Task<HttpResponseMessage> GetAsync(string url) => client.GetAsync(new Uri(url, UriKind.Relative));

    /// <summary>GET authorize → sign-in form → POST the credentials with the antiforgery token → back to authorize → the code.</summary>
    public async Task<string> SignInAsync(string userName, string password, string scope)
    {
        using var authorize = await GetAsync(AuthorizeUrl(scope));
        Assert.Equal(HttpStatusCode.Redirect, authorize.StatusCode);
        using var page = await GetAsync(authorize.Headers.Location!.OriginalString);
        var html = await page.Content.ReadAsStringAsync();
        Assert.True(page.StatusCode == HttpStatusCode.OK, html);
        var fields = HiddenInput().Matches(html).ToDictionary(m => WebUtility.HtmlDecode(m.Groups[1].Value), m => WebUtility.HtmlDecode(m.Groups[2].Value));
        fields["userName"] = userName;
        fields["password"] = password;

        using var form = new FormUrlEncodedContent(fields);
        using var signedIn = await client.PostAsync(new Uri("/connect/signin", UriKind.Relative), form);
        Assert.True(signedIn.StatusCode == HttpStatusCode.Redirect, await signedIn.Content.ReadAsStringAsync());
        using var back = await GetAsync(signedIn.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        var redirect = back.Headers.Location!;
        Assert.StartsWith(RedirectUri + "?", redirect.AbsoluteUri, StringComparison.Ordinal);
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(redirect.Query)["code"].ToString();
    }

    public async Task<JsonElement> RedeemAsync(string code)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = ClientId,
            ["redirect_uri"] = RedirectUri,
            ["code"] = code,
            ["code_verifier"] = Verifier,
        });
        using var response = await client.PostAsync(new Uri("/connect/token", UriKind.Relative), form);
        return await response.AssertJsonAsync(HttpStatusCode.OK);
    }

    /// <summary>A client of the gateway calling APIs with the person's access token, as the console would.</summary>
    public async Task<HttpClient> ApiClientAsync(string userName, string password, string scope)
    {
        var tokens = await RedeemAsync(await SignInAsync(userName, password, scope));
        var api = new HttpClient { BaseAddress = Gateway };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.GetProperty("access_token").GetString());
        return api;
    }

    public void Dispose() => client.Dispose();

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">")]
    private static partial Regex HiddenInput();
}
