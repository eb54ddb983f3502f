using ApiPlatform.Contracts.Crm;

namespace ApiPlatform.SystemApis.Crm.Connectors;

/// <summary>The default win probability of each canonical stage, for CRMs that do not keep one.</summary>
public static class OpportunityProbability
{
    public static int Of(OpportunityStage stage) => stage switch
    {
        OpportunityStage.Prospecting => 10,
        OpportunityStage.Qualification => 25,
        OpportunityStage.Proposal => 50,
        OpportunityStage.Negotiation => 75,
        OpportunityStage.ClosedWon => 100,
        _ => 0,
    };
}
