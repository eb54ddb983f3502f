using ApiPlatform.Contracts.Crm;

namespace ApiPlatform.SystemApis.Crm.Events;

/// <summary>
/// Where crm announces its state changes (<c>crm.account.changed</c>, <c>crm.quote.approved</c>). Every handler that
/// changes state calls it already; once the messaging building block exists, each method publishes its event.
/// </summary>
public sealed class CrmChangeFeed(ILogger<CrmChangeFeed> logger)
{
    public const string AccountChanged = "crm.account.changed";
    public const string QuoteApproved = "crm.quote.approved";

    public Task AccountChangedAsync(Account account, CancellationToken cancellationToken)
    {
        logger.LogInformation("{Event} {AccountId} ({Tenant}, {System})", AccountChanged, account.Id, account.Tenant, account.Source.System);
        return Task.CompletedTask;
    }

    public Task QuoteApprovedAsync(Quote quote, CancellationToken cancellationToken)
    {
        logger.LogInformation("{Event} {QuoteId} ({Tenant}, {System})", QuoteApproved, quote.Id, quote.Tenant, quote.Source.System);
        return Task.CompletedTask;
    }
}
