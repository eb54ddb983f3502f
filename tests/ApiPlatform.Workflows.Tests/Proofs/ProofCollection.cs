namespace ApiPlatform.Workflows.Tests.Proofs;

/// <summary>The proofs run one after another: each loads the two cores on its own, and their figures stay comparable.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProofCollection
{
    public const string Name = "workflow-proofs";
}
