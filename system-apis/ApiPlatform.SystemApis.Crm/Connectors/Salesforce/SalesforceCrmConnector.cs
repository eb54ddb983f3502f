using System.Net;
using System.Text.Json;
using ApiPlatform.Contracts;
using ApiPlatform.ServiceDefaults.Apis;
using ApiPlatform.ServiceDefaults.Errors;
using ApiPlatform.VendorConnectors.Upstream;
using Microsoft.Extensions.Options;
using Refit;

namespace ApiPlatform.SystemApis.Crm.Connectors.Salesforce;

/// <summary>
/// Salesforce as the CRM of a tenant: SOQL reads that follow <c>nextRecordsUrl</c>, and creates written as upserts on the
/// external-id field <see cref="SalesforceOptions.ExternalIdField"/>, so a retried create updates the record it made.
/// </summary>
internal sealed partial class SalesforceCrmConnector(ISalesforceApi api, IOptions<SalesforceOptions> options) : ICrmConnector
{
    public const string SystemName = "salesforce";

    public static readonly Vendor Vendor = new("crm", SystemName);
    private const int MaxWindow = 2000;
    private const int MaxBatches = 20;

    public string System => SystemName;

    private string Version => options.Value.ApiVersion;

    private string KeyField => options.Value.ExternalIdField;

    private static Task<T> Call<T>(Func<Task<T>> call) => VendorCall.RunAsync(Vendor, call, Classify);

    /// <summary>Reads the query's batches until the page is covered; <c>totalSize</c> is the query's full count.</summary>
    private Task<Page<TContract>> PageAsync<TRecord, TContract>(string soql, PageRequest page, Func<TRecord, TContract> map, CancellationToken cancellationToken)
    {
        if (page.Skip + page.Take > MaxWindow + PageRequest.MaxLimit)
        {
            throw new ProblemException(400, ProblemTypes.BadRequest, "Offset too large", $"Lists from {SystemName} page through the first {MaxWindow} records.");
        }

        return Call(async () =>
        {
            var batch = await api.QueryAsync<TRecord>(Version, soql, cancellationToken);
            var total = (int)UpstreamGuard.Range(batch.TotalSize, "totalSize", 0, 50_000_000);
            var records = new List<TRecord>(UpstreamGuard.Bounded(batch.Records, "records", MaxWindow));
            for (var batches = 1; records.Count < page.Skip + page.Take && !batch.Done; batches++)
            {
                var locator = Soql.Locator(batch.NextRecordsUrl) ?? throw new UpstreamContractException("a nextRecordsUrl that is not this org's query resource");
                if (batches >= MaxBatches)
                {
                    throw new UpstreamContractException($"more than {MaxBatches} batches for one page");
                }
                batch = await api.QueryMoreAsync<TRecord>(Version, locator, cancellationToken);
                records.AddRange(UpstreamGuard.Bounded(batch.Records, "records", MaxWindow));
            }
            return new Page<TContract>(records.Skip(page.Skip).Take(page.Take).Select(map).ToList(), total, page.Skip, page.Take);
        });
    }

    private Task<TContract?> SingleAsync<TRecord, TContract>(string soql, Func<TRecord, TContract> map, CancellationToken cancellationToken) where TContract : class =>
        Call(async () =>
        {
            var result = await api.QueryAsync<TRecord>(Version, soql, cancellationToken);
            var records = UpstreamGuard.Bounded(result.Records, "records", 1);
            return records.Count == 0 ? null : map(records[0]);
        });

    private Task<SalesforceUpsertResult?> UpsertAsync(string sobject, string creationKey, Dictionary<string, object?> fields, CancellationToken cancellationToken) =>
        Call(() => api.UpsertAsync(Version, sobject, KeyField, creationKey, fields, retrySafe: true, cancellationToken));

    private static string RequireTenant(string? tenant) => tenant
        ?? throw new ProblemException(400, ProblemTypes.BadRequest, "Tenant required", $"Name the tenant whose {SystemName} org to use (query parameter 'tenant').");

    /// <summary>Salesforce's error bodies: a daily API limit reached is an outage for the caller, not a refusal.</summary>
    private static ProblemException? Classify(ApiException error)
    {
        if (error.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        var codes = Errors(error.Content);
        return codes.Contains("REQUEST_LIMIT_EXCEEDED")
            ? UpstreamProblems.Unavailable(SystemName, "salesforce refused the call: the org's API request limit is exceeded (REQUEST_LIMIT_EXCEEDED).")
            : codes.Count > 0 && (int)error.StatusCode is >= 400 and < 500 && error.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.TooManyRequests)
                ? UpstreamProblems.Refused(SystemName, $"salesforce refused the write ({string.Join(", ", codes.Take(3))}).")
                : null;
    }

    private static List<string> Errors(string? content)
    {
        try
        {
            return content is null ? [] : (JsonSerializer.Deserialize<List<SalesforceError>>(content, JsonSerializerOptions.Web) ?? [])
                .Select(e => e.ErrorCode).OfType<string>().Where(c => c.Length <= 64 && c.All(ch => char.IsAsciiLetterUpper(ch) || ch == '_')).ToList();
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
