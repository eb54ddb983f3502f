using System.Net;
using System.Text.Json;
using ApiPlatform.Gateway.Audit;
using ApiPlatform.Gateway.Tests.Infrastructure;

namespace ApiPlatform.Gateway.Tests.Audit;

[Collection(GatewayCollection.Name)]
public sealed class AuditOutputTests(GatewayFixture fixture)
{
    [Fact]
    public async Task Audit_records_are_written_as_json_lines_off_the_request_path()
    {
        var path = Path.Combine(Path.GetTempPath(), $"audit-{Guid.NewGuid():N}.jsonl");
        var token = fixture.Issuer.CreateToken("partner-portal", "experience:partner-portal", clientId: "partner-test", tenant: "acme");
        try
        {
            await using (var gateway = await TestGateway.StartAsync(fixture, new Dictionary<string, string?>
            {
                ["Gateway:Audit:Output"] = path,
                ["Gateway:Audit:FlushInterval"] = "00:00:00.050",
            }))
            {
                using var ok = await gateway.Host.GetAsync("/experience/partner-portal/v2/orders?secret=s3cr3t", token,
                    headers => headers.Add("X-Correlation-Id", "audit-out-1"));
                using var refused = await gateway.Host.GetAsync("/experience/partner-portal/v2/orders");
                Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
                Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            }

            var text = await File.ReadAllTextAsync(path);
            var records = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToList();
            Assert.Equal(2, records.Count);
            var first = records[0];
            Assert.Equal(TrafficAuditLog.Category, first.GetProperty("category").GetString());
            Assert.Equal("partner-test", first.GetProperty("clientId").GetString());
            Assert.Equal("acme", first.GetProperty("tenant").GetString());
            Assert.Equal("partner-portal", first.GetProperty("api").GetString());
            Assert.Equal("v2", first.GetProperty("version").GetString());
            Assert.Equal("/experience/partner-portal/v2/orders", first.GetProperty("route").GetString());
            Assert.Equal(200, first.GetProperty("status").GetInt32());
            Assert.Equal("audit-out-1", first.GetProperty("correlationId").GetString());
            Assert.True(first.GetProperty("durationMs").GetDouble() >= 0);
            Assert.True(first.GetProperty("time").TryGetDateTimeOffset(out _));
            Assert.Equal(401, records[1].GetProperty("status").GetInt32());
            Assert.Equal(JsonValueKind.Null, records[1].GetProperty("clientId").ValueKind);
            Assert.DoesNotContain(token.Split('.')[2], text, StringComparison.Ordinal);
            Assert.DoesNotContain("s3cr3t", text, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Records_longer_than_a_pipes_atomic_write_still_come_out_whole_and_in_order()
    {
        var path = Path.Combine(Path.GetTempPath(), $"audit-{Guid.NewGuid():N}.jsonl");
        var token = fixture.Issuer.CreateToken("partner-portal", "experience:partner-portal", clientId: "partner-test", tenant: "acme");
        var longRoute = "/experience/partner-portal/v2/orders/" + new string('x', 5000);
        try
        {
            await using (var gateway = await TestGateway.StartAsync(fixture, new Dictionary<string, string?>
            {
                ["Gateway:Audit:Output"] = path,
                ["Gateway:Audit:FlushInterval"] = "00:00:10",
            }))
            {
                foreach (var route in new[] { "/experience/partner-portal/v2/orders", longRoute, "/experience/partner-portal/v2/orders" })
                {
                    using var response = await gateway.Host.GetAsync(route, token);
                }
            }

            var lines = await File.ReadAllLinesAsync(path);
            Assert.Equal(3, lines.Length);
            var routes = lines.Select(line => JsonDocument.Parse(line).RootElement.GetProperty("route").GetString()).ToList();
            Assert.Equal(["/experience/partner-portal/v2/orders", longRoute, "/experience/partner-portal/v2/orders"], routes);
            Assert.True(lines[1].Length > 4096);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_full_audit_buffer_drops_records_and_says_how_many_in_the_stream()
    {
        var path = Path.Combine(Path.GetTempPath(), $"audit-{Guid.NewGuid():N}.jsonl");
        var token = fixture.Issuer.CreateToken("partner-portal", "experience:partner-portal", clientId: "partner-test", tenant: "acme");
        try
        {
            await using (var gateway = await TestGateway.StartAsync(fixture, new Dictionary<string, string?>
            {
                ["Gateway:Audit:Output"] = path,
                ["Gateway:Audit:FlushInterval"] = "00:00:10",
                ["Gateway:Audit:Capacity"] = "2",
            }))
            {
                for (var i = 0; i < 5; i++)
                {
                    using var response = await gateway.Host.GetAsync("/experience/partner-portal/v2/orders", token);
                    Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                }
            }

            var records = (await File.ReadAllLinesAsync(path)).Select(line => JsonDocument.Parse(line).RootElement).ToList();
            Assert.Equal(2, records.Count(r => r.TryGetProperty("status", out _)));
            var gap = Assert.Single(records, r => r.TryGetProperty("event", out var e) && e.GetString() == "audit-records-dropped");
            Assert.Equal(3, gap.GetProperty("count").GetInt64());
        }
        finally
        {
            File.Delete(path);
        }
    }
}
