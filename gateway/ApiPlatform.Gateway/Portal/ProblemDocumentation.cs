using System.Collections.Frozen;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ApiPlatform.ServiceDefaults.Errors;

namespace ApiPlatform.Gateway.Portal;

/// <summary>One problem type as the developer portal explains it.</summary>
internal sealed record ProblemDoc(string Name, string Title, int[] Statuses, string Meaning, string Action)
{
    public string Type => ProblemTypes.Base + Name;
}

/// <summary>
/// The developer portal's pages for the problem types (<c>/developers/problems/{name}</c>), where every problem's
/// <c>type</c> leads when resolved against the gateway: what it means and what to do. The texts live in the embedded
/// <c>problems.json</c>; the gateway's tests hold it to every problem type the platform answers with.
/// </summary>
internal static class ProblemDocumentation
{
    private static readonly Lazy<IReadOnlyList<ProblemDoc>> Docs = new(Load);
    private static readonly Lazy<FrozenDictionary<string, string>> Pages = new(() =>
        Docs.Value.ToFrozenDictionary(d => d.Name, Page, StringComparer.Ordinal));
    private static readonly Lazy<string> IndexPage = new(Index);

    public static IReadOnlyList<ProblemDoc> All => Docs.Value;

    public static void MapProblemDocumentation(this WebApplication app)
    {
        var basePath = ProblemTypes.Base.TrimEnd('/');
        app.MapGet(basePath, () => Html(IndexPage.Value, StatusCodes.Status200OK)).AllowAnonymous().ExcludeFromDescription();
        app.MapGet(basePath + "/{name}", (string name) => Pages.Value.TryGetValue(name, out var page)
                ? Html(page, StatusCodes.Status200OK)
                : Html(Layout("Unknown problem type", $"<p>The platform has no problem type <code>{Encode(name)}</code>.</p>{BackLink}"), StatusCodes.Status404NotFound))
            .AllowAnonymous().ExcludeFromDescription();
    }

    private static IResult Html(string page, int status) => new PortalPage(page, status);

    private const string BackLink = """<p><a href="/developers/problems">All problem types</a> · <a href="/developers">Developer portal</a></p>""";

    private static string Page(ProblemDoc doc) => Layout(doc.Title, $"""
        <p class="dates">HTTP {string.Join(", ", doc.Statuses)} · type <code>{Encode(doc.Type)}</code></p>
        <h2>What it means</h2>
        <p>{Encode(doc.Meaning)}</p>
        <h2>What to do</h2>
        <p>{Encode(doc.Action)}</p>
        <p>Every problem answer is <code>application/problem+json</code> (RFC 9457) with <code>type</code>, <code>title</code>,
          <code>status</code> and <code>detail</code>; the <code>X-Correlation-Id</code> header of the answer finds the request in
          the platform's traces and logs.</p>
        {BackLink}
        """);

    private static string Index()
    {
        var rows = new StringBuilder();
        foreach (var doc in Docs.Value.OrderBy(d => d.Statuses[0]).ThenBy(d => d.Name, StringComparer.Ordinal))
        {
            rows.Append(CultureInvariant($"<tr><td>{string.Join(", ", doc.Statuses)}</td><td><a href=\"{Encode(doc.Type)}\">{Encode(doc.Title)}</a></td><td><code>{Encode(doc.Name)}</code></td></tr>\n"));
        }
        return Layout("Problem types", $"""
            <p>The <code>type</code> of every error the platform answers with, and what to do about it.</p>
            <table><thead><tr><th>Status</th><th>Problem</th><th>Type</th></tr></thead><tbody>
            {rows}</tbody></table>
            <p><a href="/developers">Developer portal</a></p>
            """);
    }

    private static string Layout(string title, string body) => $"""
        <!doctype html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>{Encode(title)} · ApiPlatform developer portal</title>
          <link rel="stylesheet" href="/developers/portal.css">
        </head>
        <body>
          <header><h1>{Encode(title)}</h1></header>
          <main>
        {body}
          </main>
        </body>
        </html>
        """;

    private static string CultureInvariant(FormattableString text) => FormattableString.Invariant(text);

    private static string Encode(string text) => HtmlEncoder.Default.Encode(text);

    private static IReadOnlyList<ProblemDoc> Load()
    {
        using var stream = typeof(ProblemDocumentation).Assembly.GetManifestResourceStream("portal/problems.json")
            ?? throw new InvalidOperationException("The portal asset problems.json is not embedded.");
        return JsonSerializer.Deserialize<List<ProblemDoc>>(stream, JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException("The portal asset problems.json is empty.");
    }

    /// <summary>An HTML page under the portal's content security policy.</summary>
    private sealed class PortalPage(string html, int status) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = status;
            httpContext.Response.ContentType = "text/html; charset=utf-8";
            httpContext.Response.Headers.ContentSecurityPolicy = DeveloperPortal.ContentSecurityPolicy;
            return httpContext.Response.WriteAsync(html);
        }
    }
}
