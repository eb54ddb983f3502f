using ApiPlatform.Contracts.Crm;
using ApiPlatform.Contracts.Erp;
using ApiPlatform.Messaging.Consumers;
using ApiPlatform.SystemApis.Erp.Connectors;
using ApiPlatform.VendorConnectors.Routing;

namespace ApiPlatform.SystemApis.Erp.Events;

/// <summary>
/// Master-data sync: every account a CRM creates or changes becomes (or updates) the ERP customer of its tenant's ERP.
/// The upsert commits with the inbox row, so a redelivered event changes nothing twice.
/// </summary>
internal sealed class UpsertCustomerFromCrmAccount(ConnectorRouter<IErpConnector> connectors) : IEventHandler<AccountChanged>
{
    public const string Group = "erp-customers";

    public Task HandleAsync(AccountChanged account, EventContext context, CancellationToken cancellationToken) =>
        connectors.For(account.Tenant).UpsertCustomerAsync(
            new UpsertCustomerRequest(account.Tenant, account.AccountId, account.Name, account.Country, account.Currency, null),
            cancellationToken);
}
