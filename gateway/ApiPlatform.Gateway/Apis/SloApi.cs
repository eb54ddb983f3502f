using ApiPlatform.Catalog;
using ApiPlatform.Gateway.Slo;
using ApiPlatform.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ApiPlatform.Gateway.Apis;

/// <summary>SLO compliance of an API version from the gateway's own measurements (scope platform:admin).</summary>
internal static class SloApi
{
    public static RouteHandlerBuilder MapSloApi(this IEndpointRouteBuilder app) =>
        app.MapGet(CatalogApi.BasePath + "/{api}/v{major:int}/slo", GetCompliance)
            .RequireAuthorization(PlatformPolicies.Admin)
            .WithTags("Catalog")
            .WithName("GetApiVersionSloCompliance");

    public static async Task<Results<Ok<SloCompliance>, ProblemHttpResult>> GetCompliance(
        string api, int major, DateTimeOffset? from, DateTimeOffset? to, ApiCatalog catalog, ISloStore store, SloRecorder recorder, TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (MeasuredWindow.TryResolve(catalog, api, major, from, to, time.GetUtcNow(), SloWindow.Default, SloWindow.Max,
                $"{SloWindow.Max.TotalDays:0} days", out var window) is { } problem)
        {
            return problem;
        }
        var (definition, start, end, first, last) = window;

        // Under the flush gate: counts a flush has taken from memory are in the store by the time it is read.
        await recorder.FlushGate.WaitAsync(cancellationToken);
        SloCounter measured;
        try
        {
            measured = await store.ReadAsync(api, major, first, last, cancellationToken);
            measured.Add(recorder.Pending(api, major, first, last));
        }
        finally
        {
            recorder.FlushGate.Release();
        }

        var slo = definition.Slo;
        var availability = measured.AvailabilityPercent();
        var p99 = measured.P99Ms();
        bool? availabilityMet = availability is { } a ? a >= slo.Availability : null;
        bool? latencyMet = p99 is { } p ? p <= slo.LatencyP99Ms : null;
        return TypedResults.Ok(new SloCompliance(api, major, start, end, measured.Requests, measured.ServerErrors,
            slo.Availability, availability, availabilityMet, slo.LatencyP99Ms, p99, latencyMet,
            availabilityMet is null ? null : availabilityMet.Value && latencyMet!.Value));
    }
}
