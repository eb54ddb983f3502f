using System.Net;
using ApiPlatform.Identity.SignIn;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OpenIddict.Abstractions;

namespace ApiPlatform.Identity.Tests.People;

public sealed class PeopleSignInTests : IAsyncLifetime
{
    private const string Password = "correct horse battery staple";
    private const string GenericFailure = "Sign-in failed: the user name or password is not right.";
    private readonly TempDirectory data = new();
    private IdentityHost host = null!;

    public async Task InitializeAsync()
    {
        var settings = Browser.Settings("ada", Password, "platform-admin");
        foreach (var (key, value) in Browser.Settings("pat", Password, "partner-user", tenant: "acme").Where(s => s.Key.Contains("People", StringComparison.Ordinal)))
        {
            settings[key] = value;
        }
        settings["Identity:SignIn:MaxFailuresPerAccount"] = "3";
        host = await IdentityHost.StartAsync(data.Path, settings: settings);
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        data.Dispose();
    }

    [Fact]
    public async Task A_person_signs_in_with_PKCE_and_gets_an_access_token_shaped_like_a_machines()
    {
        using var browser = new Browser(host.Address);

        var redirect = await browser.AuthorizeAsync("ada", Password);

        Assert.StartsWith(Browser.RedirectUri + "?", redirect.AbsoluteUri, StringComparison.Ordinal);
        Assert.Equal("state-1", Browser.Parameter(redirect, "state"));
        var (status, body) = await browser.RedeemAsync(Browser.Parameter(redirect, "code")!, browser.Verifier);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(body.TryGetProperty("refresh_token", out _), body.ToString());
        var token = body.GetProperty("access_token").GetString()!;
        Assert.Equal("at+jwt", Jwt.Read(token).Typ);
        Assert.Contains("platform", Jwt.Read(token).Audiences);
        var payload = Jwt.Payload(token);
        Assert.Equal("ada", payload.GetProperty("sub").GetString());
        Assert.Equal("console", payload.GetProperty("client_id").GetString());
        Assert.Equal("internal", payload.GetProperty("client_kind").GetString());
        Assert.Contains("platform:admin", payload.GetProperty("scope").GetString()!.Split(' '));
        Assert.False(payload.TryGetProperty("tenant", out _));
        Assert.True((await Jwt.ValidateAsync(token, await Jwt.JwksAsync(host.Client), "platform")).IsValid);
    }

    [Fact]
    public async Task The_sign_in_page_is_a_form_under_a_strict_policy()
    {
        using var browser = new Browser(host.Address);
        using var authorize = await browser.GetAsync(browser.AuthorizeUrl());
        using var page = await browser.GetAsync(authorize.Headers.Location!.OriginalString);

        var html = await page.Content.ReadAsStringAsync();
        var policy = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.StartsWith("default-src 'none'; style-src 'sha256-", policy, StringComparison.Ordinal);
        Assert.Contains("form-action 'self' http://localhost:8080;", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<label for=\"userName\">", html, StringComparison.Ordinal);
        Assert.Contains("autocomplete=\"current-password\"", html, StringComparison.Ordinal);
        Assert.Equal("no-store", page.Headers.CacheControl?.ToString());
    }

    [Theory]
    [InlineData("plain")]
    [InlineData(null)]
    public async Task Authorization_without_an_S256_challenge_is_refused(string? method)
    {
        using var browser = new Browser(host.Address);

        using var response = await browser.GetAsync(browser.AuthorizeUrl(method: method, challenge: method == "plain" ? browser.Verifier : null));

        // Refused before any sign-in form or code: OpenIddict answers the error page itself.
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("error:invalid_request", page, StringComparison.Ordinal);
        Assert.Contains(method is null ? "'code_challenge' parameter is missing" : "'code_challenge_method' is not supported", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unregistered_redirect_uri_is_refused_without_redirecting()
    {
        using var browser = new Browser(host.Address);

        using var response = await browser.GetAsync(browser.AuthorizeUrl(redirectUri: "http://localhost:8080/console/signed-in/../evil"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task A_code_without_its_verifier_or_with_another_is_refused_and_redeems_once()
    {
        using var browser = new Browser(host.Address);
        var code = Browser.Parameter(await browser.AuthorizeAsync("ada", Password), "code")!;

        var missing = await browser.RedeemAsync(code, verifier: null);
        var wrong = await browser.RedeemAsync(code, new Browser(host.Address).Verifier);
        var right = await browser.RedeemAsync(code, browser.Verifier);
        var replayed = await browser.RedeemAsync(code, browser.Verifier);

        Assert.Equal(HttpStatusCode.BadRequest, missing.Status);
        Assert.Equal("invalid_request", missing.Body.GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, wrong.Status);
        Assert.Equal("invalid_grant", wrong.Body.GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.OK, right.Status);
        Assert.Equal(HttpStatusCode.BadRequest, replayed.Status);
        Assert.Equal("invalid_grant", replayed.Body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Failed_sign_ins_are_limited_per_account_with_one_message_for_any_failure()
    {
        using var browser = new Browser(host.Address);
        using var authorize = await browser.GetAsync(browser.AuthorizeUrl());
        var form = await browser.FormAsync(authorize.Headers.Location!.OriginalString);

        var unknown = await TextAsync(await browser.SubmitAsync(form, "nobody", Password));
        var failures = new List<(HttpStatusCode, string)>();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            failures.Add(await TextAsync(await browser.SubmitAsync(form, "ADA ", "wrong password")));
        }
        var limited = await TextAsync(await browser.SubmitAsync(form, "ada", Password));

        Assert.Equal(HttpStatusCode.BadRequest, unknown.Status);
        Assert.Contains(GenericFailure, unknown.Html, StringComparison.Ordinal);
        Assert.All(failures, failure =>
        {
            Assert.Equal(HttpStatusCode.BadRequest, failure.Item1);
            Assert.Contains(GenericFailure, failure.Item2, StringComparison.Ordinal);
        });
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.Status);
        Assert.Contains(GenericFailure, limited.Html, StringComparison.Ordinal);
        // Another account is not limited by ada's failures.
        using var pat = await browser.SubmitAsync(form, "pat", Password);
        Assert.Equal(HttpStatusCode.Redirect, pat.StatusCode);
    }

    [Fact]
    public async Task A_sign_in_without_the_antiforgery_token_is_refused()
    {
        using var browser = new Browser(host.Address);
        using var authorize = await browser.GetAsync(browser.AuthorizeUrl());
        var form = await browser.FormAsync(authorize.Headers.Location!.OriginalString);

        using var response = await browser.SubmitAsync(form, "ada", Password, withAntiforgery: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("The sign-in form expired", page, StringComparison.Ordinal);
        Assert.DoesNotContain("signed out", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sign_in_form_only_returns_to_an_authorization_request()
    {
        using var browser = new Browser(host.Address);
        using var authorize = await browser.GetAsync(browser.AuthorizeUrl());
        var form = await browser.FormAsync(authorize.Headers.Location!.OriginalString);

        using var response = await browser.SubmitAsync(form with { ReturnUrl = "https://evil.test/connect/authorize?x=1" }, "ada", Password);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task A_refresh_token_is_used_once_and_signing_out_ends_every_refresh()
    {
        using var browser = new Browser(host.Address);
        var code = Browser.Parameter(await browser.AuthorizeAsync("ada", Password), "code")!;
        var first = (await browser.RedeemAsync(code, browser.Verifier)).Body.GetProperty("refresh_token").GetString()!;

        var refreshed = await browser.RefreshAsync(first);
        var reused = await browser.RefreshAsync(first);
        Assert.True(refreshed.Status == HttpStatusCode.OK, refreshed.Body.ToString());
        Assert.Equal("ada", Jwt.Payload(refreshed.Body.GetProperty("access_token").GetString()!).GetProperty("sub").GetString());
        Assert.Equal("invalid_grant", reused.Body.GetProperty("error").GetString());
        var second = refreshed.Body.GetProperty("refresh_token").GetString()!;

        using var signOut = await browser.GetAsync($"/connect/endsession?client_id=console&post_logout_redirect_uri={Uri.EscapeDataString(Browser.PostLogoutRedirectUri)}");
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(Browser.PostLogoutRedirectUri, signOut.Headers.Location!.AbsoluteUri);

        var afterSignOut = await browser.RefreshAsync(second);
        Assert.Equal(HttpStatusCode.BadRequest, afterSignOut.Status);
        Assert.Equal("invalid_grant", afterSignOut.Body.GetProperty("error").GetString());
        // The session is gone too: authorizing again asks for the password.
        using var again = await browser.GetAsync(browser.AuthorizeUrl());
        Assert.StartsWith("/connect/signin?", again.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_partner_user_gets_the_partners_scopes_and_tenant_and_never_platform_admin()
    {
        using var browser = new Browser(host.Address);

        var denied = await browser.AuthorizeAsync("pat", Password, scope: "platform:admin");
        Assert.Equal("access_denied", Browser.Parameter(denied, "error"));

        using var second = new Browser(host.Address);
        var code = Browser.Parameter(await second.AuthorizeAsync("pat", Password, scope: "platform:admin experience:partner-portal"), "code")!;
        var token = (await second.RedeemAsync(code, second.Verifier)).Body.GetProperty("access_token").GetString()!;
        var payload = Jwt.Payload(token);
        Assert.Equal("acme", payload.GetProperty("tenant").GetString());
        Assert.Equal("partner", payload.GetProperty("client_kind").GetString());
        Assert.Equal("partner-standard", payload.GetProperty("plan").GetString());
        Assert.Equal("experience:partner-portal", payload.GetProperty("scope").GetString());
        Assert.Equal(["partner-portal"], Jwt.Read(token).Audiences);
    }

    [Fact]
    public async Task Spent_authorization_entries_are_pruned_and_live_ones_kept()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var timed = await IdentityHost.StartAsync(data.Combine("timed"), settings: Browser.Settings("ada", Password, "platform-admin"),
            services: services => services.AddSingleton<TimeProvider>(time));
        using var browser = new Browser(timed.Address);
        var code = Browser.Parameter(await browser.AuthorizeAsync("ada", Password), "code")!;
        var refresh = (await browser.RedeemAsync(code, browser.Verifier)).Body.GetProperty("refresh_token").GetString()!;
        var pruner = timed.Services.GetRequiredService<AuthorizationPruner>();
        await using var scope = timed.Services.CreateAsyncScope();
        var authorizations = scope.ServiceProvider.GetRequiredService<IOpenIddictAuthorizationManager>();

        await pruner.PruneAsync(CancellationToken.None);
        Assert.Equal(2, await authorizations.CountAsync());
        Assert.Equal(HttpStatusCode.OK, (await browser.RefreshAsync(refresh)).Status);

        time.Advance(TimeSpan.FromHours(9));
        await pruner.PruneAsync(CancellationToken.None);
        Assert.Equal(0, await authorizations.CountAsync());
    }

    private static async Task<(HttpStatusCode Status, string Html)> TextAsync(HttpResponseMessage response)
    {
        using (response)
        {
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }
    }
}
