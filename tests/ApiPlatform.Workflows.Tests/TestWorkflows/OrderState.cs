namespace ApiPlatform.Workflows.Tests.TestWorkflows;

public sealed class OrderState
{
    public string Customer { get; set; } = "";

    /// <summary>The system of record's document numbers, one per completed step.</summary>
    public List<long> Documents { get; set; } = [];
}
