using System.Net;
using System.Text.RegularExpressions;
using ApiPlatform.Gateway.Console;
using ApiPlatform.Gateway.Tests.Infrastructure;

namespace ApiPlatform.Gateway.Tests.Console;

/// <summary>The console's page and everything it loads are served by the gateway itself, each under the console's policy.</summary>
[Collection(GatewayCollection.Name)]
public sealed partial class OperationsConsoleAssetTests(GatewayFixture fixture)
{
    [Fact]
    public async Task Every_file_the_console_loads_is_served_under_its_policy_without_a_token()
    {
        var pending = new Queue<string>(["/console"]);
        var served = new HashSet<string>(StringComparer.Ordinal);
        while (pending.TryDequeue(out var path))
        {
            if (!served.Add(path))
            {
                continue;
            }
            using var response = await fixture.Gateway.GetAsync(path);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {body}");
            Assert.Equal(OperationsConsole.ContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
            foreach (Match reference in Reference().Matches(body))
            {
                var target = reference.Groups["path"].Value;
                pending.Enqueue(target.StartsWith("./", StringComparison.Ordinal) ? "/console/" + target[2..] : target);
            }
        }

        Assert.Contains("/console/console.js", served);
        Assert.Contains("/console/console.css", served);
        Assert.Contains("/console/page-audit.js", served);
        Assert.True(served.Count >= 12, string.Join(", ", served));
        Assert.DoesNotContain("'unsafe-inline'", OperationsConsole.ContentSecurityPolicy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_console_page_is_never_cached_nor_sent_as_a_referrer_and_an_unknown_file_is_a_problem()
    {
        using var page = await fixture.Gateway.GetAsync("/console/signed-in?code=abc&state=def");
        using var unknown = await fixture.Gateway.GetAsync("/console/secrets.js");

        Assert.Equal("no-store", page.Headers.CacheControl?.ToString());
        Assert.Equal("no-referrer", page.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
    }

    // src="/console/…" and href="/console/…" in the page, import … from './….js' in the modules.
    [GeneratedRegex("""(?:(?:src|href)="|from ')(?<path>(?:/console/|\./)[a-z-]+\.(?:js|css))""")]
    private static partial Regex Reference();
}
