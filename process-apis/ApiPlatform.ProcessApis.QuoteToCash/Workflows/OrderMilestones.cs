namespace ApiPlatform.ProcessApis.QuoteToCash.Workflows;

/// <summary>What happens to an order after its steps: recorded on the instance from erp's and finance's events.</summary>
public static class OrderMilestones
{
    public const string Shipped = "shipped";
    public const string Paid = "paid";
}
