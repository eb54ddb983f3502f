using ApiPlatform.Contracts.Events;

namespace ApiPlatform.Contracts.Crm;

/// <summary>An account was created or changed in a CRM: what other systems keep of it (ERP customers) follows.</summary>
public sealed record AccountChanged(
    string AccountId,
    string Tenant,
    string Name,
    string? ParentAccountId,
    string Country,
    string Currency,
    SourceReference Source,
    DateTimeOffset ChangedAt) : IIntegrationEvent
{
    public static string EventType => "crm.account.changed.v1";

    public string Subject => AccountId;

    public static AccountChanged From(Account account, DateTimeOffset changedAt) => new(
        account.Id, account.Tenant, account.Name, account.ParentAccountId, account.Country, account.Currency, account.Source, changedAt);
}
