using ApiPlatform.Contracts;
using ApiPlatform.Contracts.Finance;

namespace ApiPlatform.ExperienceApis.PartnerPortal.Apis.V2;

/// <summary>What the partner owes: per account and currency, and in total per currency (open invoices less unapplied payments).</summary>
public sealed record PortalBalance(IReadOnlyList<Money> Totals, IReadOnlyList<PortalAccountBalance> Accounts, DateTimeOffset AsOf)
{
    public static PortalBalance From(IReadOnlyList<AccountBalance> balances, DateTimeOffset now) => new(
        balances.GroupBy(b => b.Balance.Currency).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new Money(g.Sum(b => b.Balance.Amount), g.Key)).ToList(),
        balances.Select(b => new PortalAccountBalance(b.AccountId, b.OpenInvoices, b.UnappliedPayments, b.Balance, b.OpenInvoiceCount)).ToList(),
        balances.Count == 0 ? now : balances.Max(b => b.AsOf));
}

public sealed record PortalAccountBalance(string AccountId, Money OpenInvoices, Money UnappliedPayments, Money Balance, int OpenInvoiceCount);
