using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ApiPlatform.Gateway.Tests.Infrastructure;
using ApiPlatform.ServiceDefaults.Errors;

namespace ApiPlatform.Gateway.Tests.AdminAudit;

/// <summary>Admin actions are recorded in the gateway's database with their actor, and read back filtered and paged.</summary>
[Collection(GatewayCollection.Name)]
public sealed class AdminAuditTests(GatewayFixture fixture) : IDisposable
{
    private readonly string database = Directory.CreateTempSubdirectory("apiplatform-gateway-audit-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(database, recursive: true);
    }

    [Fact]
    public async Task A_lifecycle_change_by_a_person_is_recorded_with_the_person_and_survives_a_restart()
    {
        var ada = PersonToken("ada");
        await using (var gateway = await StartAsync())
        {
            using var change = await AdminClient.ChangeLifecycleAsync(gateway.Host, ada, "erp", 3,
                new { status = "deprecated", deprecatedAt = DateTimeOffset.UtcNow, reason = "superseded by v4" });
            Assert.Equal(HttpStatusCode.OK, change.StatusCode);
        }

        await using var restarted = await StartAsync();
        var audit = await AdminClient.GetJsonAsync(restarted.Host, AdminClient.Token(fixture.Issuer), "/admin/audit");

        var entry = audit.GetProperty("items").EnumerateArray().Single();
        Assert.Equal("ada", entry.GetProperty("actor").GetString());
        Assert.Equal("console", entry.GetProperty("client").GetString());
        Assert.Equal("lifecycle.deprecate", entry.GetProperty("action").GetString());
        Assert.Equal("erp v3", entry.GetProperty("target").GetString());
        Assert.Equal("superseded by v4", entry.GetProperty("reason").GetString());
        Assert.False(string.IsNullOrEmpty(entry.GetProperty("correlationId").GetString()));
    }

    [Fact]
    public async Task A_dead_letter_replay_and_discard_through_the_operations_route_record_their_actor()
    {
        await using var gateway = await StartAsync();
        var oscar = PersonToken("oscar");

        using var replay = await gateway.Host.SendAsync(HttpMethod.Post, "/system/crm/messaging/dead-letters/42/replay", oscar);
        // Sent chunked (no Content-Length), as a client streaming JSON does.
        using var discard = await gateway.Host.SendAsync(HttpMethod.Post, "/system/crm/messaging/dead-letters/43/discard", AdminClient.Token(fixture.Issuer),
            JsonContent.Create(new { reason = "duplicate of 42" }));
        using var read = await gateway.Host.GetAsync("/system/crm/messaging/dead-letters/44", oscar);
        var audit = await AdminClient.GetJsonAsync(gateway.Host, oscar, "/admin/audit?api=crm");

        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        // The body still reaches the service after the gateway read the reason from it.
        Assert.Equal("""{"reason":"duplicate of 42"}""", (await discard.Content.ReadFromJsonAsync<EchoedRequest>())!.Body);
        var entries = audit.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, entries.Count);
        Assert.Equal(("ops-admin", "dead-letter.discard", "crm dead letter 43", "duplicate of 42"), Describe(entries[0]));
        Assert.Equal(("oscar", "dead-letter.replay", "crm dead letter 42", null), Describe(entries[1]));
    }

    [Fact]
    public async Task The_audit_is_filtered_by_actor_action_api_and_time_and_paged_newest_first()
    {
        await using var gateway = await StartAsync();
        var admin = AdminClient.Token(fixture.Issuer);
        for (var id = 1; id <= 3; id++)
        {
            (await gateway.Host.SendAsync(HttpMethod.Post, $"/system/crm/messaging/dead-letters/{id}/replay", PersonToken("ada"))).Dispose();
        }
        (await gateway.Host.SendAsync(HttpMethod.Post, "/system/crm/messaging/dead-letters/9/replay", admin)).Dispose();

        var page = await AdminClient.GetJsonAsync(gateway.Host, admin, "/admin/audit?actor=ada&action=dead-letter.replay&limit=2&offset=1");
        var none = await AdminClient.GetJsonAsync(gateway.Host, admin, $"/admin/audit?from={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(5).ToString("O"))}");
        var other = await AdminClient.GetJsonAsync(gateway.Host, admin, "/admin/audit?api=erp");

        Assert.Equal(3, page.GetProperty("total").GetInt32());
        Assert.Equal((1, 2), (page.GetProperty("offset").GetInt32(), page.GetProperty("limit").GetInt32()));
        Assert.Equal(["crm dead letter 2", "crm dead letter 1"], page.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("target").GetString()));
        Assert.Equal(0, none.GetProperty("total").GetInt32());
        Assert.Equal(0, other.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Only_platform_admins_read_the_audit()
    {
        using var partner = await fixture.Gateway.GetAsync("/admin/audit", fixture.Issuer.CreateToken("partner-portal", "experience:partner-portal", tenant: "acme"));

        await partner.AssertProblemAsync(HttpStatusCode.Forbidden, ProblemTypes.Forbidden);
    }

    private Task<TestGateway> StartAsync() =>
        TestGateway.StartAsync(fixture, new Dictionary<string, string?> { ["Database:DataDirectory"] = database });

    /// <summary>A person's token as the token server issues it through the console: the person as subject, the console as client.</summary>
    private string PersonToken(string person)
    {
        var descriptor = fixture.Issuer.Descriptor("platform", "platform:admin", clientId: "console");
        descriptor.Claims["sub"] = person;
        return fixture.Issuer.Sign(descriptor);
    }

    private static (string?, string?, string?, string?) Describe(JsonElement entry) =>
        (entry.GetProperty("actor").GetString(), entry.GetProperty("action").GetString(), entry.GetProperty("target").GetString(),
            entry.GetProperty("reason").GetString());
}
