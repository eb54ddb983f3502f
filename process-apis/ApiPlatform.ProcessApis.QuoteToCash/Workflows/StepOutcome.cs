using ApiPlatform.Contracts.QuoteToCash;

namespace ApiPlatform.ProcessApis.QuoteToCash.Workflows;

public sealed record StepOutcome(StepState State, string Detail)
{
    public static StepOutcome Succeeded(string detail) => new(StepState.Succeeded, detail);

    /// <summary>A business outcome (e.g. credit declined): the request ends as rejected, not failed.</summary>
    public static StepOutcome Rejected(string detail) => new(StepState.Rejected, detail);
}
