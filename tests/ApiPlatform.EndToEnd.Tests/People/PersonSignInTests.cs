using System.Net;
using System.Net.Http.Json;

namespace ApiPlatform.EndToEnd.Tests.People;

/// <summary>People sign in at the token server through the gateway, and call APIs with the scopes their roles map to.</summary>
[Collection(PlatformCollection.Name)]
public sealed class PersonSignInTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_platform_admin_signs_in_through_the_gateway_with_PKCE_and_calls_the_admin_api()
    {
        using var browser = new PersonBrowser(platform.Platform.GatewayUrl);
        using var ada = await browser.ApiClientAsync("ada", "ada-dev-password", "platform:admin system:crm");

        var apis = await (await ada.GetAsync("/admin/apis")).AssertJsonAsync(HttpStatusCode.OK);
        await (await ada.GetAsync("/system/crm/v1/accounts")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Contains(apis.EnumerateArray(), api => api.GetProperty("name").GetString() == "crm");
    }

    [Fact]
    public async Task The_sign_in_form_through_the_gateway_keeps_the_token_servers_strict_policy()
    {
        using var browser = new PersonBrowser(platform.Platform.GatewayUrl);
        using var authorize = await browser.GetAsync(browser.AuthorizeUrl("platform:admin"));
        using var page = await browser.GetAsync(authorize.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var policy = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.StartsWith("default-src 'none'; style-src 'sha256-", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Equal("DENY", page.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task A_plain_PKCE_challenge_is_refused_through_the_gateway()
    {
        using var browser = new PersonBrowser(platform.Platform.GatewayUrl);

        using var response = await browser.GetAsync(browser.AuthorizeUrl("platform:admin", method: "plain"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Contains("code_challenge_method", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_partner_users_token_cannot_call_platform_admin_apis_but_sees_its_tenants_portal()
    {
        using var browser = new PersonBrowser(platform.Platform.GatewayUrl);
        using var pat = await browser.ApiClientAsync("pat", "pat-dev-password", "experience:partner-portal platform:admin");

        await (await pat.GetAsync("/admin/apis")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await pat.GetAsync("/admin/audit")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await pat.GetAsync("/experience/partner-portal/v1/quotes")).AssertJsonAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_lifecycle_change_by_a_signed_in_person_is_audited_with_the_person_as_actor()
    {
        using var browser = new PersonBrowser(platform.Platform.GatewayUrl);
        using var ada = await browser.ApiClientAsync("ada", "ada-dev-password", "platform:admin");
        var reason = "e2e " + Guid.NewGuid().ToString("N");

        // crm v1 is active in the catalog: setting it active again changes nothing the other tests see.
        using var change = await ada.PutAsJsonAsync("/admin/apis/crm/v1/lifecycle", new { status = "active", reason });
        await change.AssertJsonAsync(HttpStatusCode.OK);
        var audit = await (await ada.GetAsync("/admin/audit?actor=ada&api=crm&limit=50")).AssertJsonAsync(HttpStatusCode.OK);

        var entry = audit.GetProperty("items").EnumerateArray().Single(e => e.GetProperty("reason").GetString() == reason);
        Assert.Equal("console", entry.GetProperty("client").GetString());
        Assert.Equal("crm v1", entry.GetProperty("target").GetString());
    }

    [Fact]
    public async Task A_dead_letter_replay_by_a_signed_in_operator_reaches_the_service_and_is_audited_with_the_operator_as_actor()
    {
        using var browser = new PersonBrowser(platform.Platform.GatewayUrl);
        using var oscar = await browser.ApiClientAsync("oscar", "oscar-dev-password", "platform:admin process:quote-to-cash");
        var type = $"e2e.none-{Guid.NewGuid():N}.v1";

        using var replay = await oscar.PostAsJsonAsync("/process/quote-to-cash/messaging/dead-letters/replay", new { type });
        var result = await replay.AssertJsonAsync(HttpStatusCode.Accepted);
        var audit = await (await oscar.GetAsync("/admin/audit?actor=oscar&action=dead-letter.replay-many&api=quote-to-cash&limit=50"))
            .AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal(0, result.GetProperty("requested").GetInt32());
        var entry = audit.GetProperty("items").EnumerateArray().Single(e => e.GetProperty("details").GetProperty("type").GetString() == type);
        Assert.Equal("console", entry.GetProperty("client").GetString());
        Assert.Equal("quote-to-cash dead letters", entry.GetProperty("target").GetString());
    }
}
