using ApiPlatform.Contracts.Crm;
using ApiPlatform.ServiceDefaults.Data;

namespace ApiPlatform.SystemApis.Crm.Data;

public sealed class QuoteEntity : ITenantOwned
{
    public required string Id { get; init; }
    public required string Tenant { get; init; }
    public required string Number { get; init; }
    public required string AccountId { get; init; }
    public string? OpportunityId { get; init; }
    public QuoteStatus Status { get; set; }
    public string? DecisionReason { get; set; }
    public required string Currency { get; init; }
    public decimal TaxRate { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset ValidUntil { get; set; }
    public string? CreationKey { get; init; }
    public bool OrderOnApproval { get; init; }

    /// <summary>The opportunity's stage before accepting the quote won it: where reopening the quote puts it back.</summary>
    public OpportunityStage? OpportunityStageBeforeWon { get; set; }
    public List<QuoteLineEntity> Lines { get; init; } = [];
}
