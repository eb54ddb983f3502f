namespace ApiPlatform.ExperienceApis.Analytics.Projections;

/// <summary>What a transaction in a status waits for and on which system; <c>null</c> when the status is an end.</summary>
public sealed record Stage(string Name, string System)
{
    public static Stage? Of(string process, string status) => (process, status) switch
    {
        (_, "AwaitingApproval") => new("approval", process),
        (_, "Compensating") => new("compensation", process),
        (_, "CompensationFailed") => new("operator", process),
        (Processes.QuoteToCash, "Running") => new("processing", process),
        (Processes.QuoteToCash, "Completed") => new("shipment", "erp"),
        (Processes.QuoteToCash, "Shipped") => new("payment", "finance"),
        (Processes.ProcureToPay, "Submitted") => new("processing", process),
        (Processes.ProcureToPay, "Ordered") => new("receipt-and-invoice", "erp"),
        (Processes.ProcureToPay, "Exception") => new("exception", process),
        (Processes.ProcureToPay, "PaymentScheduled") => new("payment", "finance"),
        _ => null,
    };

    /// <summary>Statuses that end a transaction without its goal (fallout).</summary>
    public static bool IsFallout(string status) => status is "Rejected" or "Failed" or "Cancelled" or "Withdrawn" or "CompensationFailed";
}
