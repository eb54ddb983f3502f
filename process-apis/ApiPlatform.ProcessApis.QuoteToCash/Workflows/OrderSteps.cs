namespace ApiPlatform.ProcessApis.QuoteToCash.Workflows;

/// <summary>The steps of an order request, in order. Their names are part of the status resource and of idempotency keys.</summary>
public static class OrderSteps
{
    public const string LoadQuote = "load-quote";
    public const string ErpCustomer = "erp-customer";
    public const string CreditCheck = "credit-check";
    public const string Approval = "approval";
    public const string Tax = "tax";
    public const string ReserveInventory = "reserve-inventory";
    public const string SalesOrder = "sales-order";
    public const string CrmContract = "crm-contract";
    public const string Invoice = "invoice";
    public const string Billing = "billing";

    /// <summary>Steps a tenant may switch off (<c>QuoteToCash:Tenants:{tenant}:DisabledSteps</c>).</summary>
    public static readonly string[] Optional = [ReserveInventory, CrmContract, Billing];
}
