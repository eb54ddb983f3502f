using ApiPlatform.Contracts;

namespace ApiPlatform.ProcessApis.QuoteToCash.Workflows;

/// <summary>What an order request knows, saved with the instance after every step.</summary>
public sealed class OrderState
{
    public required string QuoteId { get; init; }
    public required string Tenant { get; init; }
    public string? RequestKey { get; init; }
    public Address? RequestedShipTo { get; init; }

    public string? QuoteNumber { get; set; }
    public string? AccountId { get; set; }
    public Money? Total { get; set; }
    public List<OrderLine> Lines { get; set; } = [];

    public string? ErpCustomerId { get; set; }
    public string? CustomerName { get; set; }
    public Address? ShipTo { get; set; }

    public string? CreditAssessmentId { get; set; }
    public Money? AvailableCredit { get; set; }
    public bool ApprovalRequired { get; set; }
    public string? ApprovalWhy { get; set; }
    public DateTimeOffset? ApprovalDeadline { get; set; }
    public string? ApprovalDecision { get; set; }
    public string? ApprovedBy { get; set; }
    public DateTimeOffset? ApprovalDecidedAt { get; set; }
    public string? ApprovalComment { get; set; }

    public string? Jurisdiction { get; set; }
    public Money? Tax { get; set; }
    public List<string> ReservationIds { get; set; } = [];
    public string? SalesOrderId { get; set; }
    public string? SalesOrderNumber { get; set; }
    public string? InvoiceId { get; set; }
    public string? InvoiceNumber { get; set; }
    public Money? InvoiceTotal { get; set; }
    public string? BillingCustomerId { get; set; }
    public List<string> SubscriptionIds { get; set; } = [];

    public List<ShipmentRecord> Shipments { get; set; } = [];
    public List<PaymentRecord> Payments { get; set; } = [];
    public DateTimeOffset? PaidAt { get; set; }
}

public sealed record OrderLine(int LineNumber, string Sku, string Description, decimal Quantity, Money UnitPrice, decimal DiscountPercent, Money NetAmount)
{
    public string TaxCode { get; set; } = "STANDARD";
    public bool Stocked { get; set; }
}

public sealed record ShipmentRecord(string ShipmentId, string Number, DateTimeOffset ShippedAt);

public sealed record PaymentRecord(string PaymentId, Money Amount, DateTimeOffset AppliedAt);
