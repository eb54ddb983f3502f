using ApiPlatform.Contracts.Crm;

namespace ApiPlatform.SystemApis.Crm.Quotes;

/// <summary>
/// The quote approval workflow, the same whichever CRM holds the quote: draft → submitted → approved or rejected; then
/// the contract: approved → accepted, and its compensation accepted → approved (reopen).
/// </summary>
public static class QuoteWorkflow
{
    public static bool CanRecordContract(QuoteStatus from, QuoteStatus to) => (from, to) switch
    {
        (QuoteStatus.Approved, QuoteStatus.Accepted) => true,
        (QuoteStatus.Accepted, QuoteStatus.Approved) => true,
        _ => false,
    };

    public static bool CanMove(QuoteStatus from, QuoteStatus to) => (from, to) switch
    {
        (QuoteStatus.Draft, QuoteStatus.Submitted) => true,
        (QuoteStatus.Submitted, QuoteStatus.Approved) => true,
        (QuoteStatus.Submitted, QuoteStatus.Rejected) => true,
        _ => false,
    };
}
