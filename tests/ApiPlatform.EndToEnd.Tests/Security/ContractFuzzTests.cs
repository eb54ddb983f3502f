using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using ApiPlatform.Contracts;
using Xunit.Abstractions;

namespace ApiPlatform.EndToEnd.Tests.Security;

/// <summary>
/// Fuzzes every operation of every published contract through the gateway with a token that may call it: seeded valid
/// and invalid bodies, parameters and headers. No answer may be a 5xx or leave the operation's documented responses.
/// APIPLATFORM_FUZZ_ITERATIONS (requests per operation, default 12) and APIPLATFORM_FUZZ_SEED (default 19) make a longer
/// or another run by hand.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ContractFuzzTests(PlatformFixture platform, ITestOutputHelper output)
{
    private static readonly int Iterations = Setting("APIPLATFORM_FUZZ_ITERATIONS", 12);
    private static readonly int Seed = Setting("APIPLATFORM_FUZZ_SEED", 19);

    [Fact]
    public async Task Every_published_operation_answers_within_its_contract_whatever_it_is_sent()
    {
        var contracts = await PublishedContracts.LoadAsync(platform);
        var breaches = new List<string>();
        var requests = 0;
        var rejected = 0;
        foreach (var operation in contracts.Operations)
        {
            using var client = await contracts.ClientForAsync(platform, operation);
            var random = new Random(Seed ^ StableHash(operation.Name));
            var values = new SchemaValues(random, operation);
            for (var i = 0; i < Iterations; i++)
            {
                // The first request of each operation is valid throughout; then one part in two is broken.
                var breakPath = i > 0 && random.Next(4) == 0;
                var breakQuery = i > 0 && random.Next(4) == 0;
                var breakBody = i > 0 && random.Next(2) == 0;
                var (path, body, mediaType, key) = Build(operation, values, random, breakPath, breakQuery, breakBody);
                var (response, sent) = await SendPacedAsync(client, operation, path, body, mediaType, key);
                requests += sent;
                using (response)
                {
                    if (IsProtocolRejection(response))
                    {
                        rejected++;
                    }
                    else if (await operation.BreachAsync(response) is { } breach)
                    {
                        breaches.Add($"{operation.Name} <- {Describe(path, body, mediaType, key)}: {breach}");
                    }
                }
            }
        }

        output.WriteLine($"fuzz: seed {Seed}, {contracts.Operations.Count} operations in {contracts.Operations.Select(o => o.Api + o.Major).Distinct().Count()} contracts, {requests} requests, {rejected} refused by Kestrel before the application, {breaches.Count} breaches");
        foreach (var breach in breaches)
        {
            output.WriteLine(breach);
        }
        Assert.NotEmpty(contracts.Operations);
        Assert.True(breaches.Count == 0, $"{breaches.Count} answers broke their contract (seed {Seed}):\n" + string.Join("\n", breaches.Take(40)));
    }

    private static (string Path, string? Body, string MediaType, string? Key) Build(
        ContractOperation operation, SchemaValues values, Random random, bool breakPath, bool breakQuery, bool breakBody)
    {
        var path = operation.Path;
        foreach (var parameter in operation.In("path"))
        {
            var value = values.Parameter(parameter, valid: !breakPath);
            path = path.Replace("{" + (string)parameter["name"]! + "}", Uri.EscapeDataString(value.Length == 0 ? "x" : value), StringComparison.Ordinal);
        }

        var query = new List<string>();
        foreach (var parameter in operation.In("query"))
        {
            var required = parameter["required"]?.GetValue<bool>() == true;
            if (required || random.Next(3) == 0 || breakQuery)
            {
                var broken = breakQuery && random.Next(2) == 0;
                query.Add($"{parameter["name"]}={Uri.EscapeDataString(values.Parameter(parameter, valid: !broken))}");
            }
        }
        if (query.Count > 0)
        {
            path += "?" + string.Join('&', query);
        }

        string? key = operation.Method is "get" ? null : random.Next(8) switch
        {
            0 => null,
            1 => new string('k', 300),
            _ => Guid.NewGuid().ToString(),
        };

        var schema = operation.BodySchema;
        if (schema is null)
        {
            return (path, null, "application/json", key);
        }
        if (!breakBody)
        {
            return (path, values.Valid(schema)?.ToJsonString() ?? "null", "application/json", key);
        }
        return random.Next(8) switch
        {
            0 => (path, null, "application/json", key),
            1 => (path, "{\"tenant\": \"acme\",", "application/json", key),
            2 => (path, "{\"a\":1,\"a\":2}", "application/json", key),
            3 => (path, new string('[', 5000) + new string(']', 5000), "application/json", key),
            4 => (path, values.Valid(schema)?.ToJsonString() ?? "{}", "text/plain", key),
            _ => (path, values.Invalid(schema)?.ToJsonString() ?? "null", "application/json", key),
        };
    }

    /// <summary>
    /// Sends within the client's rate-limit budget: the suite shares the platform, so the fuzzer slows down before it
    /// would leave another test a drained bucket, and a 429 (the gateway's answer to a caller over its plan, not the
    /// operation's) is waited out and sent again rather than counted against the operation.
    /// </summary>
    private static async Task<(HttpResponseMessage Response, int Sent)> SendPacedAsync(
        HttpClient client, ContractOperation operation, string path, string? body, string mediaType, string? key)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var request = PublishedContracts.Request(operation, path, body, mediaType);
            if (key is not null)
            {
                request.Headers.TryAddWithoutValidation(PlatformHeaders.IdempotencyKey, key);
            }
            var response = await client.SendAsync(request);
            if (response.Headers.TryGetValues("RateLimit", out var limits)
                && limits.First().Split(';').FirstOrDefault(p => p.StartsWith("r=", StringComparison.Ordinal)) is { } remaining
                && int.Parse(remaining[2..], CultureInfo.InvariantCulture) < 40)
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
            if (response.StatusCode != HttpStatusCode.TooManyRequests || attempt == 3)
            {
                return (response, attempt);
            }
            await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1));
            response.Dispose();
        }
    }

    /// <summary>
    /// Kestrel refuses a request it cannot parse safely (a NUL in the path: 400; a request line over its limit: 414)
    /// before any application code runs, with no body and the connection closed. That is the HTTP server's protocol
    /// answer, which no operation (nor the gateway) can shape, so it is counted apart rather than held against the operation.
    /// </summary>
    private static bool IsProtocolRejection(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestUriTooLong && response.Headers.ConnectionClose == true
        && response.Content.Headers.ContentLength == 0 && response.Content.Headers.ContentType is null;

    private static string Describe(string path, string? body, string mediaType, string? key)
    {
        var shown = body is null ? "no body" : body.Length > 200 ? body[..200] + "…" : body;
        return $"{(path.Length > 200 ? path[..200] + "…" : path)} [{mediaType}, key {(key is null ? "none" : key.Length > 40 ? "long" : "set")}] {shown}";
    }

    private static int StableHash(string text) => text.Aggregate(unchecked((int)2166136261), (hash, c) => unchecked((hash ^ c) * 16777619));

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
