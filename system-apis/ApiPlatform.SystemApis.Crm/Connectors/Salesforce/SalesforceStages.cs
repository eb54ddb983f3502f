using ApiPlatform.Contracts.Crm;

namespace ApiPlatform.SystemApis.Crm.Connectors.Salesforce;

/// <summary>Salesforce's default opportunity stages and quote statuses, and the canonical ones they mean.</summary>
internal static class SalesforceStages
{
    public static OpportunityStage ToCanonical(string stageName) => stageName switch
    {
        "Prospecting" => OpportunityStage.Prospecting,
        "Qualification" or "Needs Analysis" => OpportunityStage.Qualification,
        "Value Proposition" or "Id. Decision Makers" or "Perception Analysis" or "Proposal/Price Quote" => OpportunityStage.Proposal,
        "Negotiation/Review" => OpportunityStage.Negotiation,
        "Closed Won" => OpportunityStage.ClosedWon,
        "Closed Lost" => OpportunityStage.ClosedLost,
        // An org's own stages are open opportunities until they are closed.
        _ => OpportunityStage.Qualification,
    };

    public static string FromCanonical(OpportunityStage stage) => stage switch
    {
        OpportunityStage.Prospecting => "Prospecting",
        OpportunityStage.Qualification => "Qualification",
        OpportunityStage.Proposal => "Proposal/Price Quote",
        OpportunityStage.Negotiation => "Negotiation/Review",
        OpportunityStage.ClosedWon => "Closed Won",
        _ => "Closed Lost",
    };

    public static QuoteStatus ToQuoteStatus(string status) => status switch
    {
        "Draft" => QuoteStatus.Draft,
        "Needs Review" or "In Review" => QuoteStatus.Submitted,
        "Approved" or "Presented" or "Accepted" => QuoteStatus.Approved,
        "Rejected" or "Denied" => QuoteStatus.Rejected,
        _ => throw new ApiPlatform.VendorConnectors.Upstream.UpstreamContractException($"an unknown Quote.Status '{status[..Math.Min(status.Length, 40)]}'", "Quote.Status"),
    };

    public static string FromQuoteStatus(QuoteStatus status) => status switch
    {
        QuoteStatus.Draft => "Draft",
        QuoteStatus.Submitted => "In Review",
        QuoteStatus.Approved => "Approved",
        QuoteStatus.Rejected => "Rejected",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "This API writes no salesforce status for this quote status."),
    };
}
