using ApiPlatform.Contracts.Events;

namespace ApiPlatform.Contracts.Finance;

/// <summary>More of an earlier payment was applied to invoices: <c>Applications</c> are the new ones only.</summary>
public sealed record PaymentApplied(
    string PaymentId,
    string Tenant,
    string AccountId,
    IReadOnlyList<PaymentApplication> Applications,
    Money Unapplied,
    SourceReference Source,
    DateTimeOffset AppliedAt) : IIntegrationEvent
{
    public static string EventType => "finance.payment.applied.v1";

    public string Subject => PaymentId;
}
