using System.Net;
using Microsoft.AspNetCore.Identity;

namespace ApiPlatform.Identity.Tests.People;

public sealed class PeopleConfigurationTests : IDisposable
{
    private readonly TempDirectory data = new();

    public void Dispose() => data.Dispose();

    [Fact]
    public async Task Seed_people_are_refused_outside_development()
    {
        var settings = ProductionSettings();
        settings["Identity:People:ada:Role"] = "platform-admin";
        settings["Identity:People:ada:PasswordHash"] = new PasswordHasher<string>().HashPassword("", "a long production password");
        settings["Identity:People:ada:DevelopmentOnly"] = "true";

        var error = await Assert.ThrowsAnyAsync<Exception>(() => IdentityHost.StartAsync(data.Path, "Production", settings));

        Assert.Contains("'Identity:People:ada' is a Development seed person", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plain_password_is_refused_outside_development()
    {
        var settings = ProductionSettings();
        settings["Identity:People:ada:Role"] = "platform-admin";
        settings["Identity:People:ada:Password"] = "a long production password";

        var error = await Assert.ThrowsAnyAsync<Exception>(() => IdentityHost.StartAsync(data.Path, "Production", settings));

        Assert.Contains("'Identity:People:ada:Password' is a plain password", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_person_with_a_configured_hash_signs_in_outside_development_over_https()
    {
        var settings = ProductionSettings();
        settings["Identity:PublicClients:console:RedirectUris:0"] = "https://gateway.test/console/signed-in";
        settings["Identity:People:ada:Role"] = "platform-admin";
        settings["Identity:People:ada:PasswordHash"] = new PasswordHasher<string>().HashPassword("", "a long production password");
        await using var host = await IdentityHost.StartAsync(data.Path, "Production", settings);
        using var browser = new Browser(host.Address);

        using var authorize = await browser.GetAsync(browser.AuthorizeUrl(redirectUri: "https://gateway.test/console/signed-in"));
        using var signIn = await browser.GetAsync(authorize.Headers.Location!.OriginalString);
        var form = Browser.SignInForm.Parse(await signIn.Content.ReadAsStringAsync());
        using var signedIn = await browser.SubmitAsync(form, "ada", "a long production password");

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("apiplatform.session=", StringComparison.Ordinal));
        Assert.Contains("path=/connect", cookie, StringComparison.Ordinal);
        Assert.Contains("secure", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.Ordinal);
        Assert.Contains("samesite=lax", cookie, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://*.gateway.test/console/signed-in")]
    [InlineData("http://gateway.test/console/signed-in")]
    [InlineData("/console/signed-in")]
    public async Task A_redirect_uri_that_is_not_exact_https_fails_start(string redirectUri)
    {
        var settings = ProductionSettings();
        settings["Identity:PublicClients:console:RedirectUris:0"] = redirectUri;

        var error = await Assert.ThrowsAnyAsync<Exception>(() => IdentityHost.StartAsync(data.Path, "Production", settings));

        Assert.Contains("'Identity:PublicClients:console:RedirectUris:0'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_partner_user_of_a_tenant_without_a_partner_client_fails_start()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => IdentityHost.StartAsync(data.Path, settings: new Dictionary<string, string?>
        {
            ["Identity:People:pat:Role"] = "partner-user",
            ["Identity:People:pat:Tenant"] = "initech",
            ["Identity:People:pat:Password"] = "pat-password",
        }));

        Assert.Contains("'Identity:People:pat:Tenant' must name the tenant of a partner client", error.Message, StringComparison.Ordinal);
    }

    private Dictionary<string, string?> ProductionSettings()
    {
        SigningKeyTests.WriteKey(data.Combine("keys"), "signing.pem");
        return new Dictionary<string, string?> { ["Identity:SigningKeys:Path"] = data.Combine("keys") };
    }

    [Fact]
    public void The_hash_password_command_prints_a_hash_the_password_verifies_against()
    {
        using var output = new StringWriter();

        var ran = ApiPlatform.Identity.People.HashPasswordCommand.TryRun(["hash-password"], new StringReader("a long production password\n"), output);

        Assert.True(ran);
        var hash = output.ToString().Trim();
        Assert.DoesNotContain("production", hash, StringComparison.Ordinal);
        Assert.Equal(PasswordVerificationResult.Success, new PasswordHasher<string>().VerifyHashedPassword("", hash, "a long production password"));
        Assert.False(ApiPlatform.Identity.People.HashPasswordCommand.TryRun([], new StringReader(""), output));
    }
}
