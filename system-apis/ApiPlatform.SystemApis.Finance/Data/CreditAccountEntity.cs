using ApiPlatform.ServiceDefaults.Data;

namespace ApiPlatform.SystemApis.Finance.Data;

/// <summary>
/// A customer's credit line: its limit and, in <see cref="OpenInvoices"/>, the opening exposure owed on invoices that finance did not
/// issue itself; invoices issued through finance count through <see cref="Credit.CreditExposure"/>.
/// </summary>
public sealed class CreditAccountEntity : ITenantOwned
{
    public required string AccountId { get; init; }
    public required string Tenant { get; init; }
    public required string Currency { get; init; }
    public decimal CreditLimit { get; set; }
    public decimal OpenInvoices { get; set; }
}
