namespace ApiPlatform.Contracts.Finance;

/// <summary>Money received from a customer and how much of it is applied to which invoices.</summary>
public sealed record Payment(
    string Id,
    string Tenant,
    string AccountId,
    Money Amount,
    string Method,
    string Reference,
    DateTimeOffset ReceivedAt,
    IReadOnlyList<PaymentApplication> Applications,
    Money Unapplied,
    SourceReference Source);

public sealed record PaymentApplication(string InvoiceId, Money Amount, DateTimeOffset AppliedAt);
