using ApiPlatform.ServiceDefaults.Data;

namespace ApiPlatform.SystemApis.Finance.Data;

public sealed class CreditNoteEntity : ITenantOwned
{
    public required string Id { get; init; }
    public required string Tenant { get; init; }
    public required string Number { get; init; }
    public required string InvoiceId { get; init; }
    public required string Currency { get; init; }
    public decimal Amount { get; init; }
    public required string Reason { get; init; }
    public DateTimeOffset IssuedAt { get; init; }
}
