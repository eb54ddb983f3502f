using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.Tokens;

namespace ApiPlatform.Identity.Tests.People;

/// <summary>
/// A browser and a public client in one: a cookie jar, no automatic redirects (each hop is checked), and the client's side
/// of the authorization code flow with PKCE.
/// </summary>
internal sealed partial class Browser : IDisposable
{
    public const string ClientId = "console";
    public const string RedirectUri = "http://localhost:8080/console/signed-in";
    public const string PostLogoutRedirectUri = "http://localhost:8080/console/";

    private readonly HttpClient client;

    public Browser(Uri address)
    {
#pragma warning disable CA2000 // The client owns the handler.
        client = new HttpClient(new HttpClientHandler
        {
            AllowAutoRedirect = false,
            CookieContainer = new CookieContainer(),
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) => TestCertificate.IsTrusted(certificate),
        })
        { BaseAddress = address };
#pragma warning restore CA2000
    }

    public string Verifier { get; } = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));

    public string Challenge => Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(Verifier)));

    public static Dictionary<string, string?> Settings(string userName, string password, string role, string? tenant = null) => new()
    {
        [$"Identity:PublicClients:{ClientId}:RedirectUris:0"] = RedirectUri,
        [$"Identity:PublicClients:{ClientId}:PostLogoutRedirectUris:0"] = PostLogoutRedirectUri,
        [$"Identity:People:{userName}:Role"] = role,
        [$"Identity:People:{userName}:Tenant"] = tenant,
        [$"Identity:People:{userName}:Password"] = password,
    };

    public string AuthorizeUrl(string scope = "platform:admin offline_access", string? method = "S256", string? challenge = null,
        string redirectUri = RedirectUri)
    {
        var query = new Dictionary<string, string?>
        {
            ["response_type"] = "code",
            ["client_id"] = ClientId,
            ["redirect_uri"] = redirectUri,
            ["scope"] = scope,
            ["state"] = "state-1",
        };
        if (method is not null)
        {
            query["code_challenge"] = challenge ?? Challenge;
            query["code_challenge_method"] = method;
        }
        return QueryHelpers.AddQueryString("/connect/authorize", query);
    }

    public Task<HttpResponseMessage> GetAsync(string url) => client.GetAsync(new Uri(url, UriKind.RelativeOrAbsolute));

    /// <summary>Opens the sign-in form the authorization request leads to, and submits it.</summary>
    public async Task<HttpResponseMessage> SignInAsync(string authorizeUrl, string userName, string password)
    {
        using var authorize = await GetAsync(authorizeUrl);
        Assert.Equal(HttpStatusCode.Redirect, authorize.StatusCode);
        var form = await FormAsync(authorize.Headers.Location!.OriginalString);
        return await SubmitAsync(form, userName, password);
    }

    public async Task<SignInForm> FormAsync(string signInUrl)
    {
        Assert.StartsWith("/connect/signin?", signInUrl, StringComparison.Ordinal);
        using var page = await GetAsync(signInUrl);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        return SignInForm.Parse(await page.Content.ReadAsStringAsync());
    }

    public async Task<HttpResponseMessage> SubmitAsync(SignInForm form, string userName, string password, bool withAntiforgery = true)
    {
        var fields = new Dictionary<string, string> { ["returnUrl"] = form.ReturnUrl, ["userName"] = userName, ["password"] = password };
        if (withAntiforgery)
        {
            fields[form.AntiforgeryField] = form.AntiforgeryToken;
        }
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri(form.Action, UriKind.Relative), content);
    }

    /// <summary>The whole flow: authorize, sign in, follow back to authorize, and return the redirect to the client.</summary>
    public async Task<Uri> AuthorizeAsync(string userName, string password, string scope = "platform:admin offline_access")
    {
        var authorizeUrl = AuthorizeUrl(scope);
        using var signedIn = await SignInAsync(authorizeUrl, userName, password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        using var back = await GetAsync(signedIn.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        return back.Headers.Location!;
    }

    public static string? Parameter(Uri redirect, string name) =>
        QueryHelpers.ParseQuery(redirect.Query).TryGetValue(name, out var value) ? value.ToString() : null;

    public async Task<(HttpStatusCode Status, JsonElement Body)> TokenAsync(Dictionary<string, string> form)
    {
        using var content = new FormUrlEncodedContent(form);
        using var response = await client.PostAsync(new Uri("/connect/token", UriKind.Relative), content);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    public Task<(HttpStatusCode Status, JsonElement Body)> RedeemAsync(string code, string? verifier) =>
        TokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = ClientId,
            ["redirect_uri"] = RedirectUri,
            ["code"] = code,
            ["code_verifier"] = verifier!,
        }.Where(field => field.Value is not null).ToDictionary());

    public Task<(HttpStatusCode Status, JsonElement Body)> RefreshAsync(string refreshToken) =>
        TokenAsync(new Dictionary<string, string> { ["grant_type"] = "refresh_token", ["client_id"] = ClientId, ["refresh_token"] = refreshToken });

    public void Dispose() => client.Dispose();

    internal sealed partial record SignInForm(string Action, string ReturnUrl, string AntiforgeryField, string AntiforgeryToken)
    {
        public static SignInForm Parse(string html)
        {
            var action = FormAction().Match(html);
            var hidden = HiddenInput().Matches(html).ToDictionary(m => WebUtility.HtmlDecode(m.Groups[1].Value), m => WebUtility.HtmlDecode(m.Groups[2].Value));
            Assert.True(action.Success, html);
            var antiforgery = hidden.Single(field => field.Key != "returnUrl");
            return new SignInForm(WebUtility.HtmlDecode(action.Groups[1].Value), hidden["returnUrl"], antiforgery.Key, antiforgery.Value);
        }

        [GeneratedRegex("<form method=\"post\" action=\"([^\"]+)\">")]
        private static partial Regex FormAction();

        [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">")]
        private static partial Regex HiddenInput();
    }
}
