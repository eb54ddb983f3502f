using ApiPlatform.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ApiPlatform.Workflows.Tests.SystemOfRecord;

/// <summary>
/// A real system of record on loopback: makes a document per idempotency key (a second request with the key answers the
/// same document), undoes it per compensation key, and answers faults when told. It lives in the test process, so it
/// survives the runner processes the crash proofs kill.
/// </summary>
public sealed class RecordSystem : IAsyncDisposable
{
    private const string ReplicaHeader = "X-Replica";

    /// <summary>The instance id of a runner's warm-up request: answered, but neither kept nor logged.</summary>
    public const string WarmUp = "warm-up";

    private readonly WebApplication app;

    private RecordSystem(WebApplication app, RecordStore store)
    {
        this.app = app;
        Store = store;
    }

    public RecordStore Store { get; }

    public Uri Url => new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    public static async Task<RecordSystem> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var store = new RecordStore();
        builder.Services.AddSingleton(store);
        var app = builder.Build();
        app.MapPost("/documents/{step}", (string step, DocumentRequest request, HttpContext http) => HandleAsync(store, RecordStore.Do, step, request, http));
        app.MapPost("/documents/{step}/undo", (string step, DocumentRequest request, HttpContext http) => HandleAsync(store, RecordStore.Undo, step, request, http));
        await app.StartAsync();
        return new RecordSystem(app, store);
    }

    private static async Task<IResult> HandleAsync(RecordStore store, string kind, string step, DocumentRequest request, HttpContext http)
    {
        var key = http.Request.Headers[PlatformHeaders.IdempotencyKey].ToString();
        var replica = http.Request.Headers[ReplicaHeader].ToString() is { Length: > 0 } r ? r : null;
        var at = DateTimeOffset.UtcNow;
        if (request.InstanceId == WarmUp)
        {
            return TypedResults.Ok(new DocumentReceipt(key, 0, false));
        }
        if (key.Length == 0)
        {
            store.Log(new RequestLogEntry(at, kind, step, key, request.InstanceId, replica, 400));
            return TypedResults.Problem(statusCode: 400, detail: "An Idempotency-Key is required.");
        }

        using var inFlight = store.Enter(key, request.InstanceId);
        if (store.NextFault(kind, step, request.InstanceId) is { } fault)
        {
            store.Log(new RequestLogEntry(at, kind, step, key, request.InstanceId, replica, fault.Status));
            if (fault.RetryAfterSeconds is { } seconds)
            {
                http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            return TypedResults.Problem(statusCode: fault.Status, detail: fault.Detail);
        }
        if (kind == RecordStore.Undo && !store.HasDocument($"{request.InstanceId}:{step}"))
        {
            // Undoing what was never made: the workflow compensated a step that had not succeeded.
            store.Log(new RequestLogEntry(at, kind, step, key, request.InstanceId, replica, 409));
            return TypedResults.Problem(statusCode: 409, detail: $"There is no {step} document of {request.InstanceId} to undo.");
        }

        store.Log(new RequestLogEntry(at, kind, step, key, request.InstanceId, replica, 200));
        var (min, max) = kind == RecordStore.Do ? store.DelayMilliseconds : store.UndoDelayMilliseconds;
        // The request's abort is not observed: like a real system, the work goes on when the caller dies.
        await DelayAsync(min, max);
        var document = store.Apply(kind, step, key, request.InstanceId, replica, DateTimeOffset.UtcNow);
        await DelayAsync(min, max);
        return TypedResults.Ok(new DocumentReceipt(key, document.Number, document.Requests > 1));
    }

    private static Task DelayAsync(int min, int max) => max > 0 ? Task.Delay(Random.Shared.Next(min, max + 1) / 2) : Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
