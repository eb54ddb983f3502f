using ApiPlatform.Contracts;
using ApiPlatform.Contracts.Crm;
using ApiPlatform.SystemApis.Crm.Data;
using ApiPlatform.SystemApis.Crm.Quotes;

namespace ApiPlatform.SystemApis.Crm.Connectors.Embedded;

internal static class EmbeddedMapping
{
    private const string System = QuotePricing.EmbeddedCrm;

    public static Account ToContract(AccountEntity a) =>
        new(a.Id, a.Tenant, a.Name, a.ParentAccountId, a.Country, a.Currency, new SourceReference(System, a.Id), a.Industry, a.UpdatedAt);

    public static Contact ToContract(ContactEntity c) =>
        new(c.Id, c.Tenant, c.AccountId, c.FirstName, c.LastName, c.Email, c.Phone, c.Title, new SourceReference(System, c.Id));

    public static Opportunity ToContract(OpportunityEntity o) =>
        new(o.Id, o.Tenant, o.AccountId, o.Name, o.Stage, new Money(o.Amount, o.Currency), o.CloseDate, OpportunityProbability.Of(o.Stage),
            new SourceReference(System, o.Id));
}
