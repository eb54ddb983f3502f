using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ApiPlatform.EndToEnd.Tests.QuoteToCash;

namespace ApiPlatform.EndToEnd.Tests.Console;

/// <summary>
/// The operations console at /console, in headless Chromium against the whole platform: a person signs in through the
/// token server's form with PKCE and works every page over the real admin and operations APIs. Screenshots of each page
/// go to artifacts/test-results/console/ (and, with APIPLATFORM_UPDATE_SCREENSHOTS=1, to docs/console/ for the README).
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class OperationsConsoleTests(PlatformFixture platform)
{
    private static readonly string[] Pages =
        ["apis", "traffic", "traffic-charts", "traffic-consumers", "integration-health", "transactions", "dead-letters", "audit"];

    [Fact]
    public async Task The_console_is_served_by_the_gateway_offline_under_a_policy_without_inline_script_or_style()
    {
        foreach (var path in new[] { "/console", "/console/", "/console/signed-in?code=x&state=y" })
        {
            using var page = await platform.Gateway.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
            Assert.Equal(
                "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
                page.Headers.GetValues("Content-Security-Policy").Single());
            Assert.Equal("no-store", page.Headers.CacheControl?.ToString());
            Assert.Equal("no-referrer", page.Headers.GetValues("Referrer-Policy").Single());
            var html = await page.Content.ReadAsStringAsync();
            Assert.DoesNotContain("src=\"http", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("href=\"http", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("style=", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<script>", html, StringComparison.OrdinalIgnoreCase);
        }
        using var script = await platform.Gateway.GetAsync("/console/console.js");
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        await (await platform.Gateway.GetAsync("/console/nothing.js")).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task The_consoles_redirect_uri_follows_the_platforms_public_url_and_no_other_address_is_accepted()
    {
        using var browser = new People.PersonBrowser(platform.Platform.GatewayUrl);
        var own = platform.Platform.GatewayUrl.AbsoluteUri + "console/signed-in";

        using var accepted = await browser.GetAsync(browser.AuthorizeUrl("platform:admin").Replace(
            Uri.EscapeDataString(People.PersonBrowser.RedirectUri), Uri.EscapeDataString(own), StringComparison.Ordinal));
        using var other = await browser.GetAsync(browser.AuthorizeUrl("platform:admin").Replace(
            Uri.EscapeDataString(People.PersonBrowser.RedirectUri), Uri.EscapeDataString(own + "/elsewhere"), StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.StartsWith("/connect/signin", accepted.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
        Assert.Null(other.Headers.Location);
    }

    [SkippableFact]
    public async Task An_admin_signs_in_with_PKCE_and_works_every_page_and_the_changes_take_effect_and_are_audited_with_her_name()
    {
        using var admin = await platform.AdminAsync();
        using var sales = await platform.SalesAppAsync();
        using var integration = await platform.IntegrationAppAsync();
        var data = await ConsoleData.CreateAsync(platform, admin, sales, integration);
        // The browser script calls crm v1 through the gateway as this client while the console retires and reactivates it.
        var probeToken = await new RenewingToken(platform.Platform.GatewayUrl, "integration-app", "integration-secret").GetAsync();
        var reason = "console e2e " + Guid.NewGuid().ToString("N")[..8];
        var sunset = DateTime.UtcNow.Date.AddDays(200);

        JsonElement check;
        try
        {
            check = await RunAsync("ada", "ada-dev-password", new
            {
                deprecate = new { api = "erp", major = 1, sunset = sunset.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), reason },
                consumersOf = new { api = "crm", major = 1 },
                retire = new { api = "crm", major = 1, reason, probe = new { path = "/system/crm/v1/accounts?tenant=acme", token = probeToken } },
                transactions = new { failed = data.FailedInstance, stalled = data.StalledInstance, stuck = data.StuckInstance, reason },
                deadLetter = new { api = "erp", subject = data.DeadLetterSubject, discard = data.DiscardSubject, reason },
            });

            // The lifecycle change is in force on the next call through the gateway.
            using var call = await integration.GetAsync("/system/erp/v1/customers?tenant=acme");
            Assert.Equal(HttpStatusCode.OK, call.StatusCode);
            Assert.StartsWith("@", call.Headers.GetValues("Deprecation").Single(), StringComparison.Ordinal);
            Assert.Equal(new DateTimeOffset(sunset, TimeSpan.Zero).ToString("r", CultureInfo.InvariantCulture), call.Headers.GetValues("Sunset").Single());
        }
        finally
        {
            foreach (var api in new[] { "erp", "crm" })
            {
                using var restore = await admin.PutAsJsonAsync($"/admin/apis/{api}/v1/lifecycle", new { status = "active", reason = "console e2e: restored" });
                Assert.Equal(HttpStatusCode.OK, restore.StatusCode);
            }
        }

        Assert.Empty(check.GetProperty("errors").EnumerateArray());
        Assert.Empty(check.GetProperty("policyViolations").EnumerateArray());
        Assert.Equal("Sign in to the operations console", check.GetProperty("landing").GetString());
        Assert.Equal("/connect/signin", check.GetProperty("signInForm").GetString());
        Assert.Equal("ada", check.GetProperty("signedInAs").GetString());
        Assert.Equal("/console/#/apis", check.GetProperty("address").GetString());
        var pages = check.GetProperty("pages");

        var apis = pages.GetProperty("apis");
        Assert.Equal(["analytics", "crm", "erp", "finance", "partner-portal", "procure-to-pay", "quote-to-cash", "reconciliation"],
            apis.GetProperty("apis").EnumerateArray().Select(a => a.GetProperty("name").GetString()).Order());
        var erp = apis.GetProperty("apis").EnumerateArray().Single(a => a.GetProperty("name").GetString() == "erp");
        Assert.Equal("supply-chain", erp.GetProperty("owner").GetString());
        Assert.Equal("99.9% p99 ≤ 400 ms", erp.GetProperty("slo").GetString());
        Assert.Equal("erp v1 is now deprecated.", apis.GetProperty("notice").GetString());
        Assert.Contains("sales-app", apis.GetProperty("consumers").EnumerateArray().Select(c => c.GetString()));
        // Retired from the console: the next call through the gateway is 410 Gone; reactivated: it is served again, undeprecated.
        Assert.Equal("crm v1 is now retired.", apis.GetProperty("retired").GetProperty("notice").GetString());
        Assert.Equal(410, apis.GetProperty("retired").GetProperty("call").GetProperty("status").GetInt32());
        Assert.Equal("crm v1 is now active.", apis.GetProperty("reactivated").GetProperty("notice").GetString());
        Assert.Equal(200, apis.GetProperty("reactivated").GetProperty("call").GetProperty("status").GetInt32());
        Assert.Equal(JsonValueKind.Null, apis.GetProperty("reactivated").GetProperty("call").GetProperty("deprecation").ValueKind);

        var traffic = pages.GetProperty("traffic");
        Assert.Equal("crm v1 over time", traffic.GetProperty("selected").GetString());
        Assert.True(traffic.GetProperty("rows").GetInt32() >= 8, traffic.ToString());
        Assert.True(traffic.GetProperty("charts").GetInt32() >= 4, traffic.ToString());
        Assert.True(traffic.GetProperty("bars").GetInt32() > 0, traffic.ToString());
        Assert.Equal(3, traffic.GetProperty("objectives").GetInt32());
        // crm v1 per consumer over the last hour: sales-app and integration-app called it (among others the collection's tests
        // made), and the busiest consumers' series carry their calls.
        Assert.Equal(2, traffic.GetProperty("consumerCharts").GetInt32());
        var series = traffic.GetProperty("consumerSeries").EnumerateArray().Select(s => s.GetString()).ToList();
        Assert.NotEmpty(series);
        var consumerRows = traffic.GetProperty("consumerRows").EnumerateArray().ToList();
        Assert.All(new[] { "sales-app", "integration-app" }, client =>
            Assert.Contains(consumerRows, r => r.GetProperty("client").GetString() == client && r.GetProperty("requests").GetInt64() > 0));
        Assert.True(traffic.GetProperty("consumerRequests").GetInt64() >= 2, traffic.ToString());
        Assert.Equal(traffic.GetProperty("consumerRequests").GetInt64(),
            consumerRows.Where(r => series.Contains(r.GetProperty("client").GetString())).Sum(r => r.GetProperty("requests").GetInt64()));

        var health = pages.GetProperty("health");
        Assert.Empty(health.GetProperty("errors").EnumerateArray());
        // The embedded systems of record make no vendor calls, so no connector is measured here; every system's messaging is.
        Assert.Contains("erp", health.GetProperty("messaging").EnumerateArray().Select(c => c.GetString()));
        Assert.True(health.GetProperty("openDeadLetters").GetProperty("erp").GetInt32() >= 1, health.ToString());

        var transactions = pages.GetProperty("transactions");
        var rows = transactions.GetProperty("rows").EnumerateArray().ToList();
        Assert.Contains(rows, r => r.GetProperty("id").GetString() == data.StalledInstance && r.GetProperty("stalled").GetBoolean());
        Assert.Contains(rows, r => r.GetProperty("id").GetString() == data.FailedInstance && r.GetProperty("status").GetString() == "Compensated");
        Assert.Contains("Not retried: Conflict", transactions.GetProperty("refusedRetry").GetString(), StringComparison.Ordinal);
        Assert.Contains("has nothing to retry", transactions.GetProperty("refusedRetry").GetString(), StringComparison.Ordinal);
        Assert.Contains("approval", transactions.GetProperty("timeline").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal("CompensationFailed", transactions.GetProperty("stuckStatus").GetString());
        Assert.Contains("retry requested", transactions.GetProperty("retried").GetString(), StringComparison.Ordinal);

        var deadLetters = pages.GetProperty("deadLetters");
        Assert.Contains("poisoned by the test", deadLetters.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Contains("is queued for replay", deadLetters.GetProperty("notice").GetString(), StringComparison.Ordinal);
        Assert.Contains("is discarded", deadLetters.GetProperty("discarded").GetString(), StringComparison.Ordinal);

        var audited = pages.GetProperty("audit").GetProperty("entries").EnumerateArray()
            .Where(e => e.GetProperty("reason").GetString() == reason).ToList();
        Assert.All(audited, e => Assert.Equal("ada", e.GetProperty("actor").GetString()));
        Assert.Equal(["dead-letter.discard", "dead-letter.replay", "lifecycle.deprecate", "lifecycle.reactivate", "lifecycle.retire", "workflow.cancel", "workflow.retry"],
            audited.Select(e => e.GetProperty("action").GetString()).Order());
        Assert.Equal("/console/", check.GetProperty("signedOut").GetProperty("address").GetString());
        Assert.Equal(JsonValueKind.Null, check.GetProperty("signedOut").GetProperty("tokens").ValueKind);

        // What the console did happened, and the gateway's audit names ada, signed in through the console, with her reason.
        await ConsoleData.AssertCustomerSyncedAsync(integration, data.DeadLetterSubject);
        var cancelled = await Orders.WaitForAsync(sales, data.StalledInstance);
        Assert.Equal("Cancelled", cancelled.Status());
        // The retried compensation finished: every completed step is undone and the request ends Failed.
        var retried = await Orders.WaitForAsync(sales, data.StuckInstance, o => o.Status() != "CompensationFailed" && Orders.Terminal.Contains(o.Status()));
        Assert.Equal("Failed", retried.Status());
        Assert.Equal(["crm-contract", "sales-order", "reserve-inventory", "credit-check"], retried.StepList("compensations").Select(c => c.Name));
        Assert.All(retried.StepList("compensations"), c => Assert.Equal("Succeeded", c.Status));
        // The discarded dead letter is discarded, and its event never reached erp.
        var discarded = await ConsoleData.DeadLetterAsync(admin, data.DiscardSubject, "Discarded");
        Assert.NotNull(discarded);
        var discardedCustomers = await (await integration.GetAsync($"/system/erp/v1/customers?tenant=acme&crmAccountId={data.DiscardSubject}"))
            .AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(0, discardedCustomers.GetProperty("items").GetArrayLength());
        var replayed = await ConsoleData.DeadLetterAsync(admin, data.DeadLetterSubject, null);

        var audit = await (await admin.GetAsync("/admin/audit?actor=ada&limit=100")).AssertJsonAsync(HttpStatusCode.OK);
        var entries = audit.GetProperty("items").EnumerateArray().Where(e => e.GetProperty("reason").GetString() == reason).ToList();
        Assert.Equal(7, entries.Count);
        Assert.All(entries, e => Assert.Equal("console", e.GetProperty("client").GetString()));
        Assert.All(entries, e => Assert.Equal("ada", e.GetProperty("actor").GetString()));
        string Target(string action) => Assert.Single(entries, e => e.GetProperty("action").GetString() == action).GetProperty("target").GetString()!;
        Assert.Equal("erp v1", Target("lifecycle.deprecate"));
        Assert.Equal("crm v1", Target("lifecycle.retire"));
        Assert.Equal("crm v1", Target("lifecycle.reactivate"));
        Assert.Equal($"quote-to-cash workflow instance {data.StalledInstance}", Target("workflow.cancel"));
        Assert.Equal($"quote-to-cash workflow instance {data.StuckInstance}", Target("workflow.retry"));
        Assert.Equal($"erp dead letter {discarded.Value.GetProperty("id").GetInt64()}", Target("dead-letter.discard"));
        Assert.NotNull(replayed);
        Assert.Equal($"erp dead letter {replayed.Value.GetProperty("id").GetInt64()}", Target("dead-letter.replay"));
    }

    [SkippableFact]
    public async Task A_partner_user_who_signs_in_is_shown_not_allowed_and_the_consoles_apis_refuse_their_token()
    {
        var check = await RunAsync("pat", "pat-dev-password", new { expectNotAllowed = true });

        var refused = check.GetProperty("notAllowed");
        Assert.Equal("Not allowed", refused.GetProperty("title").GetString());
        Assert.True(refused.GetProperty("navHidden").GetBoolean());
        Assert.Contains("only for platform admins and operators", refused.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.True(refused.GetProperty("adminApi").ValueKind == JsonValueKind.String || refused.GetProperty("adminApi").GetInt32() == 403, refused.ToString());
        Assert.Empty(check.GetProperty("errors").EnumerateArray());
    }

    private async Task<JsonElement> RunAsync(string user, string password, object plan)
    {
        var screenshots = Path.Combine(PortalBrowserCheck.RepositoryRoot, "artifacts", "test-results", "console", platform.DatabaseProvider);
        var file = Path.Combine(Path.GetTempPath(), $"console-plan-{Guid.NewGuid():N}.json");
        var json = JsonSerializer.SerializeToElement(plan, JsonSerializerOptions.Web).EnumerateObject()
            .ToDictionary(p => p.Name, p => (object)p.Value);
        json["user"] = user;
        json["password"] = password;
        json["screenshots"] = screenshots;
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(json));
        try
        {
            var check = await PortalBrowserCheck.RunAsync("check-console.mjs", TimeSpan.FromMinutes(3), platform.Platform.GatewayUrl.AbsoluteUri, file);
            PublishScreenshots(screenshots);
            return check;
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>With APIPLATFORM_UPDATE_SCREENSHOTS=1, the README's screenshots are replaced by the ones just taken.</summary>
    private static void PublishScreenshots(string folder)
    {
        if (Environment.GetEnvironmentVariable("APIPLATFORM_UPDATE_SCREENSHOTS") != "1")
        {
            return;
        }
        var docs = Path.Combine(PortalBrowserCheck.RepositoryRoot, "docs", "console");
        Directory.CreateDirectory(docs);
        foreach (var name in Pages.Append("not-allowed"))
        {
            var shot = Path.Combine(folder, name + ".png");
            if (File.Exists(shot))
            {
                File.Copy(shot, Path.Combine(docs, name + ".png"), overwrite: true);
            }
        }
    }
}
