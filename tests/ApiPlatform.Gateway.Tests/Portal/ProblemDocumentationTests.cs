using System.Net;
using System.Reflection;
using System.Text.Json;
using ApiPlatform.Gateway.Apis;
using ApiPlatform.Gateway.Idempotency;
using ApiPlatform.Gateway.Portal;
using ApiPlatform.Gateway.Tests.Infrastructure;
using ApiPlatform.ServiceDefaults.Errors;

namespace ApiPlatform.Gateway.Tests.Portal;

/// <summary>Every problem type leads, through the gateway, to a developer portal page that says what to do (RFC 9457 §3.1.1).</summary>
[Collection(GatewayCollection.Name)]
public sealed class ProblemDocumentationTests(GatewayFixture fixture)
{
    /// <summary>Every problem type the services (ServiceDefaults) and the gateway declare.</summary>
    private static IEnumerable<string> DeclaredTypes() =>
        new[] { typeof(ProblemTypes), typeof(IdempotencyProblems), typeof(AdminApi) }
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
            .Where(f => f is { IsLiteral: true } && f.FieldType == typeof(string) && f.Name != nameof(ProblemTypes.Base))
            .Select(f => (string)f.GetRawConstantValue()!)
            .Where(value => value.StartsWith(ProblemTypes.Base, StringComparison.Ordinal))
            .Distinct();

    [Fact]
    public void Every_declared_problem_type_is_documented_and_every_page_is_a_declared_type()
    {
        var declared = DeclaredTypes().Order(StringComparer.Ordinal).ToList();
        var documented = ProblemDocumentation.All.Select(d => d.Type).Order(StringComparer.Ordinal).ToList();

        Assert.True(declared.Count >= 25, $"only {declared.Count} problem types found by reflection");
        Assert.Equal(declared, documented);
        Assert.All(ProblemDocumentation.All, d =>
        {
            Assert.NotEmpty(d.Statuses);
            Assert.All(d.Statuses, s => Assert.InRange(s, 400, 599));
            Assert.False(string.IsNullOrWhiteSpace(d.Meaning) || string.IsNullOrWhiteSpace(d.Action), d.Name);
        });
        // ForStatus answers only documented types.
        Assert.All(Enumerable.Range(400, 200), status => Assert.Contains(ProblemTypes.ForStatus(status), documented));
    }

    [Fact]
    public async Task Each_problem_type_resolved_against_the_gateway_is_a_page_under_the_portal_policy()
    {
        foreach (var doc in ProblemDocumentation.All)
        {
            using var page = await fixture.Gateway.GetAsync(doc.Type);

            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
            Assert.Contains("default-src 'none'", string.Join(";", page.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
            var html = await page.Content.ReadAsStringAsync();
            Assert.Contains($"<h1>{System.Text.Encodings.Web.HtmlEncoder.Default.Encode(doc.Title)}</h1>", html, StringComparison.Ordinal);
            Assert.Contains("What to do", html, StringComparison.Ordinal);
        }

        using var index = await fixture.Gateway.GetAsync(ProblemTypes.Base.TrimEnd('/'));
        var list = await index.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, index.StatusCode);
        Assert.All(ProblemDocumentation.All, d => Assert.Contains($"href=\"{d.Type}\"", list, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_type_of_a_real_problem_answer_leads_to_its_page()
    {
        var token = fixture.Token("partner-portal", "experience:partner-portal");
        using var refused = await fixture.Gateway.PostAsync("/experience/partner-portal/v2/orders", token, "{}");
        var problem = await refused.AssertProblemAsync(HttpStatusCode.BadRequest, IdempotencyProblems.KeyMissingType);
        var type = new Uri(refused.RequestMessage!.RequestUri!, problem.GetProperty("type").GetString());

        using var page = await fixture.Gateway.Client.GetAsync(type);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Idempotency-Key required", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_problem_type_is_a_404_page_that_does_not_echo_markup()
    {
        using var page = await fixture.Gateway.GetAsync(ProblemTypes.Base + "%3Cscript%3Ealert(1)%3C%2Fscript%3E");

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }
}
