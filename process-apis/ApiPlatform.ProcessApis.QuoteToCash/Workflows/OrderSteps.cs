namespace ApiPlatform.ProcessApis.QuoteToCash.Workflows;

/// <summary>The steps of an order request, in order. Their names are part of the status resource.</summary>
public static class OrderSteps
{
    public const string LoadQuote = "load-quote";
    public const string CreditCheck = "credit-check";
    public const string SalesOrder = "sales-order";

    public static readonly string[] All = [LoadQuote, CreditCheck, SalesOrder];
}
