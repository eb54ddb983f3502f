using ApiPlatform.Contracts.Crm;
using ApiPlatform.VendorConnectors.Upstream;

namespace ApiPlatform.SystemApis.Crm.Connectors.HubSpot;

/// <summary>The default sales pipeline's deal stages and HubSpot's quote statuses, and the canonical ones they mean.</summary>
internal static class HubSpotStages
{
    public static OpportunityStage ToCanonical(string dealStage) => dealStage switch
    {
        "appointmentscheduled" => OpportunityStage.Prospecting,
        "qualifiedtobuy" => OpportunityStage.Qualification,
        "presentationscheduled" or "decisionmakerboughtin" => OpportunityStage.Proposal,
        "contractsent" => OpportunityStage.Negotiation,
        "closedwon" => OpportunityStage.ClosedWon,
        "closedlost" => OpportunityStage.ClosedLost,
        // Stages of custom pipelines are open deals.
        _ => OpportunityStage.Qualification,
    };

    public static string FromCanonical(OpportunityStage stage) => stage switch
    {
        OpportunityStage.Prospecting => "appointmentscheduled",
        OpportunityStage.Qualification => "qualifiedtobuy",
        OpportunityStage.Proposal => "presentationscheduled",
        OpportunityStage.Negotiation => "contractsent",
        OpportunityStage.ClosedWon => "closedwon",
        _ => "closedlost",
    };

    public static QuoteStatus ToQuoteStatus(string status) => status switch
    {
        "DRAFT" => QuoteStatus.Draft,
        "PENDING_APPROVAL" => QuoteStatus.Submitted,
        "APPROVED" or "APPROVAL_NOT_NEEDED" => QuoteStatus.Approved,
        "REJECTED" => QuoteStatus.Rejected,
        _ => throw new UpstreamContractException($"an unknown quote hs_status '{status}'", "hs_status"),
    };

    public static string FromQuoteStatus(QuoteStatus status) => status switch
    {
        QuoteStatus.Draft => "DRAFT",
        QuoteStatus.Submitted => "PENDING_APPROVAL",
        QuoteStatus.Approved => "APPROVED",
        QuoteStatus.Rejected => "REJECTED",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "hubspot has no status for this quote status."),
    };
}
