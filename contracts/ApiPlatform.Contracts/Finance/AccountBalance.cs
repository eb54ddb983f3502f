namespace ApiPlatform.Contracts.Finance;

/// <summary>What a customer owes: open invoice amounts less unapplied payments.</summary>
public sealed record AccountBalance(string Tenant, string AccountId, Money OpenInvoices, Money UnappliedPayments, Money Balance, int OpenInvoiceCount, DateTimeOffset AsOf);
