namespace ApiPlatform.LoadTests.Hosts;

/// <summary>A backend that answers at once, so the benchmark measures the proxies, not the service behind them.</summary>
internal static class Backend
{
    private static readonly byte[] Accounts = """{"items":[{"id":"acc-1","name":"ACME Manufacturing GmbH","currency":"EUR"}],"total":1,"offset":0,"limit":50}"""u8.ToArray();
    private static readonly byte[] Created = """{"id":"so-1","status":"Open"}"""u8.ToArray();

    public static WebApplication Build(WebApplicationBuilder builder)
    {
        var app = builder.Build();
        // The gateway's active health checks probe every destination; a healthy system of record answers them.
        app.MapGet("/health/ready", () => Results.Ok());
        app.MapGet("/v1/{**rest}", (HttpContext context) => Write(context, 200, Accounts));
        app.MapPost("/v1/{**rest}", async (HttpContext context) =>
        {
            await context.Request.Body.CopyToAsync(Stream.Null);
            await Write(context, 201, Created);
        });
        return app;
    }

    private static Task Write(HttpContext context, int status, byte[] body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = body.Length;
        return context.Response.Body.WriteAsync(body).AsTask();
    }
}
