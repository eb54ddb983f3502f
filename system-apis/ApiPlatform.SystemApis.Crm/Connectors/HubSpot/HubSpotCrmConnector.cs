using System.Net;
using ApiPlatform.Contracts;
using ApiPlatform.ServiceDefaults.Apis;
using ApiPlatform.ServiceDefaults.Errors;
using ApiPlatform.VendorConnectors.Upstream;
using Microsoft.Extensions.Options;
using Refit;

namespace ApiPlatform.SystemApis.Crm.Connectors.HubSpot;

/// <summary>
/// HubSpot as the CRM of a tenant: searches paged with <c>after</c> cursors, and creates that look the creation key up
/// first (a unique property, <see cref="HubSpotOptions.CreationKeyProperty"/>), so a retried create finds what it made.
/// </summary>
internal sealed partial class HubSpotCrmConnector(IHubSpotApi api, IOptions<HubSpotOptions> options, TimeProvider time) : ICrmConnector
{
    public const string SystemName = "hubspot";

    public static readonly Vendor Vendor = new("crm", SystemName);
    private const int BatchSize = 100;
    private const int MaxWindow = 2000;

    public string System => SystemName;

    private string KeyProperty => options.Value.CreationKeyProperty;

    private static Task<T> Call<T>(Func<Task<T>> call) => VendorCall.RunAsync(Vendor, call, Classify);

    private Task<Page<TContract>> SearchPageAsync<TContract>(
        string objectType, IReadOnlyList<HubSpotFilter> filters, string[] properties, HubSpotSort sort, PageRequest page,
        Func<HubSpotObject, TContract> map, CancellationToken cancellationToken)
    {
        if (page.Skip + page.Take > MaxWindow + PageRequest.MaxLimit)
        {
            throw new ProblemException(400, ProblemTypes.BadRequest, "Offset too large", $"Lists from {SystemName} page through the first {MaxWindow} records.");
        }

        return Call(async () =>
        {
            var found = new List<HubSpotObject>();
            string? after = null;
            int total;
            do
            {
                var search = new HubSpotSearch(filters.Count == 0 ? [] : [new HubSpotFilterGroup(filters)], properties, [sort], BatchSize, after);
                var result = await api.SearchAsync(objectType, search, retrySafe: true, cancellationToken);
                total = (int)UpstreamGuard.Range(result.Total, "total", 0, 50_000_000);
                found.AddRange(UpstreamGuard.Bounded(result.Results, "results", BatchSize));
                after = NextCursor(result, after);
            }
            while (after is not null && found.Count < page.Skip + page.Take);
            return new Page<TContract>(found.Skip(page.Skip).Take(page.Take).Select(map).ToList(), total, page.Skip, page.Take);
        });
    }

    /// <summary>The cursor of the next page, which must move forward: a cursor that repeats would page forever.</summary>
    private static string? NextCursor(HubSpotPage result, string? previous)
    {
        var next = result.Paging?.Next?.After;
        if (next is null)
        {
            return null;
        }
        return next.Length <= 64 && next != previous ? next : throw new UpstreamContractException("a paging cursor that does not advance");
    }

    private Task<HubSpotObject?> GetObjectAsync(string objectType, string id, string[] properties, string[]? associations, CancellationToken cancellationToken) =>
        HubSpotMapping.IsId(id)
            ? Call<HubSpotObject?>(async () =>
            {
                try
                {
                    return await api.GetAsync(objectType, id, properties, associations, cancellationToken);
                }
                catch (ApiException error) when (error.StatusCode == HttpStatusCode.NotFound)
                {
                    return null;
                }
            })
            : Task.FromResult<HubSpotObject?>(null);

    /// <summary>Lookup before create: the object an earlier call with the same key made, else a new one.</summary>
    private async Task<(HubSpotObject Object, bool Created)> CreateOnceAsync(
        string objectType, string creationKey, HubSpotWrite write, string[] properties, CancellationToken cancellationToken)
    {
        if (await FindByKeyAsync(objectType, creationKey, properties, cancellationToken) is { } earlier)
        {
            return (earlier, false);
        }

        write.Properties[KeyProperty] = creationKey;
        try
        {
            return (await Call(() => api.CreateAsync(objectType, write, cancellationToken)), true);
        }
        catch (ProblemException)
        {
            // A concurrent create with the same key won (HubSpot answers 409 for the unique property): answer its object.
            var twin = await FindByKeyAsync(objectType, creationKey, properties, cancellationToken);
            if (twin is null)
            {
                throw;
            }
            return (twin, false);
        }
    }

    private Task<HubSpotObject?> FindByKeyAsync(string objectType, string creationKey, string[] properties, CancellationToken cancellationToken) =>
        Call(async () =>
        {
            var search = new HubSpotSearch([new HubSpotFilterGroup([new HubSpotFilter(KeyProperty, "EQ", creationKey)])], properties, [], 1, null);
            var result = await api.SearchAsync(objectType, search, retrySafe: true, cancellationToken);
            return UpstreamGuard.Bounded(result.Results, "results", 1).FirstOrDefault();
        });

    private static string RequireTenant(string? tenant) => tenant
        ?? throw new ProblemException(400, ProblemTypes.BadRequest, "Tenant required", $"Name the tenant whose {SystemName} account to use (query parameter 'tenant').");

    private static ProblemException? Classify(ApiException error) =>
        error.StatusCode == HttpStatusCode.Conflict ? UpstreamProblems.Refused(SystemName, "hubspot already holds an object with this creation key.") : null;
}
