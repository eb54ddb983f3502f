using ApiPlatform.Contracts.Events;

namespace ApiPlatform.Contracts.Finance;

/// <summary>A customer payment was recorded, with the invoices it was applied to; the rest stays on account.</summary>
public sealed record PaymentRecorded(
    string PaymentId,
    string Tenant,
    string AccountId,
    Money Amount,
    string Method,
    string Reference,
    IReadOnlyList<PaymentApplication> Applications,
    Money Unapplied,
    SourceReference Source,
    DateTimeOffset ReceivedAt) : IIntegrationEvent
{
    public static string EventType => "finance.payment.recorded.v1";

    public string Subject => PaymentId;

    public static PaymentRecorded From(Payment payment) => new(
        payment.Id, payment.Tenant, payment.AccountId, payment.Amount, payment.Method, payment.Reference, payment.Applications, payment.Unapplied,
        payment.Source, payment.ReceivedAt);
}
