using System.Net;
using System.Text.Json;
using ApiPlatform.Contracts;
using ApiPlatform.Contracts.Erp;
using ApiPlatform.ServiceDefaults.Apis;
using ApiPlatform.ServiceDefaults.Errors;
using ApiPlatform.VendorConnectors.Upstream;
using Microsoft.Extensions.Options;
using Refit;

namespace ApiPlatform.SystemApis.Erp.Connectors.Sap;

/// <summary>
/// SAP S/4HANA Cloud as the ERP of a tenant, over its OData v2 APIs. A retried write never duplicates: a customer is
/// upserted on its CRM account id (<c>BusinessPartnerIDByExtSystem</c>), and a sales order is looked up by its scoped
/// Idempotency-Key (<c>PurchaseOrderByCustomer</c>) before it is created. An order's <c>SoldToParty</c> is the business
/// partner of the order's CRM account (found by <c>BusinessPartnerIDByExtSystem</c>) and is mapped back to that account
/// when read.
/// </summary>
internal sealed partial class SapErpConnector(ISapApi api, IOptions<SapOptions> options) : IErpConnector
{
    public const string SystemName = "sap";

    public static readonly Vendor Vendor = new("erp", SystemName);
    private const int MaxPage = 200;

    public string System => SystemName;

    private static Task<T> Call<T>(Func<Task<T>> call) => VendorCall.RunAsync(Vendor, call, Classify);

    private static Task<Page<TContract>> PageAsync<TRecord, TContract>(
        Func<ODataQuery, Task<ODataList<TRecord>>> list, string? filter, string? expand, string orderBy, PageRequest page, Func<TRecord, TContract> map) =>
        Call(async () =>
        {
            var result = await list(new ODataQuery(filter, page.Take, page.Skip, expand, orderBy));
            var body = result.Data ?? throw new UpstreamContractException("an answer without 'd'", "d");
            var total = (int)UpstreamGuard.Range(SapMapping.Number(body.Count, "__count"), "__count", 0, 50_000_000);
            var records = UpstreamGuard.Bounded(body.Results, "results", MaxPage);
            return new Page<TContract>(records.Select(map).ToList(), total, page.Skip, page.Take);
        });

    private static async Task<T?> FindAsync<T>(Func<Task<ODataSingle<T>>> get) where T : class
    {
        try
        {
            return (await get()).Data ?? throw new UpstreamContractException("an answer without 'd'", "d");
        }
        catch (ApiException error) when (error.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>An OData string literal: single quotes doubled.</summary>
    private static string Literal(string value) => $"'{value.Replace("'", "''", StringComparison.Ordinal)}'";

    private static string RequireTenant(string? tenant) => tenant
        ?? throw new ProblemException(400, ProblemTypes.BadRequest, "Tenant required", $"Name the tenant whose {SystemName} system to use (query parameter 'tenant').");

    /// <summary>SAP's OData error body says why it refused a write; its message is passed on, shortened and cleaned.</summary>
    private static ProblemException? Classify(ApiException error)
    {
        if (error.StatusCode is not (HttpStatusCode.BadRequest or HttpStatusCode.Conflict or HttpStatusCode.UnprocessableEntity) || error.Content is null)
        {
            return null;
        }

        try
        {
            var body = JsonSerializer.Deserialize<ODataError>(error.Content, JsonSerializerOptions.Web)?.Error;
            var message = new string((body?.Message?.Value ?? "no message").Where(c => !char.IsControl(c)).Take(200).ToArray());
            return UpstreamProblems.Refused(SystemName, $"sap refused the request ({body?.Code?[..Math.Min(body.Code.Length, 20)]}): {message}");
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
