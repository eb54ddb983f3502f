namespace ApiPlatform.ExperienceApis.Analytics.Projections;

/// <summary>The kinds of business documents a transaction links, as used in references (<c>kind:id</c>).</summary>
public static class References
{
    public const string OrderRequest = "order-request";
    public const string Quote = "quote";
    public const string SalesOrder = "sales-order";
    public const string Invoice = "invoice";
    public const string Requisition = "requisition";
    public const string PurchaseOrder = "purchase-order";
    public const string SupplierInvoice = "supplier-invoice";
}

/// <summary>The processes whose transactions are projected (their transaction kind).</summary>
public static class Processes
{
    public const string QuoteToCash = "quote-to-cash";
    public const string ProcureToPay = "procure-to-pay";
}
