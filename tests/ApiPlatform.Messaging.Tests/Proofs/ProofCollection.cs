namespace ApiPlatform.Messaging.Tests.Proofs;

/// <summary>The proofs run one after another: each loads the two cores on its own, and their figures stay comparable.</summary>
[CollectionDefinition(Name)]
public sealed class ProofCollection
{
    public const string Name = "proofs";
}
