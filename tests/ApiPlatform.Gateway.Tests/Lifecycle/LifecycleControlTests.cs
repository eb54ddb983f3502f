using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ApiPlatform.Gateway.Tests.Infrastructure;
using ApiPlatform.ServiceDefaults.Errors;

namespace ApiPlatform.Gateway.Tests.Lifecycle;

[Collection(GatewayCollection.Name)]
public sealed class LifecycleControlTests(GatewayFixture fixture)
{
    private static readonly DateTimeOffset DeprecatedAt = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Deprecating_a_version_takes_effect_at_once_and_is_listed_in_the_catalog_and_the_audit_trail()
    {
        await using var gateway = await TestGateway.StartAsync(fixture);
        var admin = AdminClient.Token(fixture.Issuer);
        var sunset = DateTimeOffset.UtcNow.AddDays(90);

        using var change = await AdminClient.ChangeLifecycleAsync(gateway.Host, admin, "erp", 3,
            new { status = "deprecated", deprecatedAt = DeprecatedAt, sunsetAt = sunset, reason = "v3 moves to the new order model" });
        using var call = await gateway.Host.GetAsync("/system/erp/v3/orders", fixture.Token("erp", "system:erp"));
        var catalog = await AdminClient.GetJsonAsync(gateway.Host, admin, "/catalog/apis/erp");
        var audit = await AdminClient.GetJsonAsync(gateway.Host, admin, "/admin/audit");

        Assert.Equal(HttpStatusCode.OK, change.StatusCode);
        Assert.Equal($"@{DeprecatedAt.ToUnixTimeSeconds()}", Assert.Single(call.Headers.GetValues("Deprecation")));
        Assert.Equal("deprecated", catalog.GetProperty("versions")[2].GetProperty("status").GetString());
        var entry = audit.GetProperty("items").EnumerateArray().Single();
        Assert.Equal("ops-admin", entry.GetProperty("actor").GetString());
        Assert.Equal("lifecycle.deprecate", entry.GetProperty("action").GetString());
        Assert.Equal("erp", entry.GetProperty("api").GetString());
        Assert.Equal("erp v3", entry.GetProperty("target").GetString());
        Assert.Equal("v3 moves to the new order model", entry.GetProperty("reason").GetString());
        Assert.Equal("active", entry.GetProperty("details").GetProperty("before").GetProperty("status").GetString());
        Assert.Equal("deprecated", entry.GetProperty("details").GetProperty("after").GetProperty("status").GetString());
        Assert.Equal(sunset, entry.GetProperty("details").GetProperty("after").GetProperty("sunsetAt").GetDateTimeOffset());
        Assert.True(entry.GetProperty("at").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-5));
        Assert.Contains(gateway.Host.Logs.Records, r => r.Category == "ApiPlatform.Gateway.AdminAudit" && r.EventId == 5401);
    }

    [Fact]
    public async Task A_version_answers_410_from_its_new_sunset_instant()
    {
        await using var gateway = await TestGateway.StartAsync(fixture);
        var admin = AdminClient.Token(fixture.Issuer);
        var token = fixture.Token("erp", "system:erp");
        await AdminClient.ChangeLifecycleAsync(gateway.Host, admin, "erp", 2,
            new { status = "deprecated", deprecatedAt = DeprecatedAt, sunsetAt = gateway.Host.Time.GetUtcNow().AddMinutes(10), successor = 3 });

        using var before = await gateway.Host.GetAsync("/system/erp/v2/orders", token);
        gateway.Host.Time.Advance(TimeSpan.FromMinutes(10));
        using var after = await gateway.Host.GetAsync("/system/erp/v2/orders", token);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        var problem = await after.AssertProblemAsync(HttpStatusCode.Gone, ProblemTypes.LifecycleRetired);
        Assert.Equal("/system/erp/v3", problem.GetProperty("successor").GetString());
    }

    [Fact]
    public async Task Reactivating_a_retired_version_serves_it_again()
    {
        await using var gateway = await TestGateway.StartAsync(fixture);

        using var change = await AdminClient.ChangeLifecycleAsync(gateway.Host, AdminClient.Token(fixture.Issuer), "erp", 1, new { status = "active" });
        using var call = await gateway.Host.GetAsync("/system/erp/v1/orders", fixture.Token("erp", "system:erp"));

        Assert.Equal(HttpStatusCode.OK, change.StatusCode);
        Assert.Equal(HttpStatusCode.OK, call.StatusCode);
    }

    [Theory]
    [InlineData("""{"status":"deprecated"}""", "DeprecatedAt")]
    [InlineData("""{"status":"gone"}""", "Status")]
    [InlineData("""{"status":"deprecated","deprecatedAt":"2026-02-01T00:00:00Z","sunsetAt":"2026-01-01T00:00:00Z"}""", "SunsetAt")]
    [InlineData("""{"status":"active","successor":1}""", "successor")]
    public async Task An_invalid_change_answers_400_naming_the_field_and_changes_nothing(string body, string field)
    {
        await using var gateway = await TestGateway.StartAsync(fixture);
        var admin = AdminClient.Token(fixture.Issuer);

        using var response = await gateway.Host.SendAsync(HttpMethod.Put, "/admin/apis/erp/v2/lifecycle", admin,
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.Validation);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Empty((await AdminClient.GetJsonAsync(gateway.Host, admin, "/admin/audit")).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Only_platform_admins_reach_the_admin_api()
    {
        using var anonymous = await fixture.Gateway.GetAsync("/admin/apis");
        using var caller = await fixture.Gateway.GetAsync("/admin/apis", fixture.Token("erp", "system:erp"));
        using var admin = await fixture.Gateway.GetAsync("/admin/apis", AdminClient.Token(fixture.Issuer));

        await anonymous.AssertProblemAsync(HttpStatusCode.Unauthorized, ProblemTypes.Unauthorized);
        await caller.AssertProblemAsync(HttpStatusCode.Forbidden, ProblemTypes.Forbidden);
        var apis = await admin.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(apis.EnumerateArray(), a => a.GetProperty("name").GetString() == "partner-portal"
            && a.GetProperty("policies").GetProperty("idempotency").GetString() == "required");
    }

    [Fact]
    public async Task Unknown_version_answers_404()
    {
        using var response = await AdminClient.ChangeLifecycleAsync(fixture.Gateway, AdminClient.Token(fixture.Issuer), "erp", 9, new { status = "active" });

        await response.AssertProblemAsync(HttpStatusCode.NotFound, ProblemTypes.NotFound);
    }
}
