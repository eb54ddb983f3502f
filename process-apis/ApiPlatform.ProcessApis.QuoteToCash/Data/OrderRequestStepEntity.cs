using ApiPlatform.Contracts.QuoteToCash;

namespace ApiPlatform.ProcessApis.QuoteToCash.Data;

public sealed class OrderRequestStepEntity
{
    public int Sequence { get; init; }
    public required string Name { get; init; }
    public StepState Status { get; set; }
    public string? Detail { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
}
