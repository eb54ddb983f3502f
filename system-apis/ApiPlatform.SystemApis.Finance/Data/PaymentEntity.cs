using ApiPlatform.ServiceDefaults.Data;

namespace ApiPlatform.SystemApis.Finance.Data;

public sealed class PaymentEntity : ITenantOwned
{
    public required string Id { get; init; }
    public required string Tenant { get; init; }
    public required string AccountId { get; init; }
    public required string Currency { get; init; }
    public decimal Amount { get; init; }
    public required string Method { get; init; }
    public required string Reference { get; init; }
    public DateTimeOffset ReceivedAt { get; init; }
    public List<PaymentApplicationEntity> Applications { get; init; } = [];

    public decimal Unapplied => Amount - Applications.Sum(a => a.Amount);
}

public sealed class PaymentApplicationEntity
{
    public int Sequence { get; init; }
    public required string InvoiceId { get; init; }
    public decimal Amount { get; init; }
    public DateTimeOffset AppliedAt { get; init; }
}
