using System.Text.Json.Serialization;

namespace ApiPlatform.ExperienceApis.PartnerPortal.Apis.V2;

/// <summary>Where an order is in quote-to-cash, from placing it to its payment.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<OrderStage>))]
public enum OrderStage
{
    /// <summary>Its steps run: credit, tax, stock, sales order, invoice.</summary>
    Processing,

    /// <summary>Over the available credit: waits for a finance approver.</summary>
    AwaitingApproval,

    /// <summary>Refused or cancelled: the steps already done are being undone.</summary>
    Reverting,

    /// <summary>Every step done, without an invoice (the tenant's process issues none at ordering).</summary>
    Ordered,

    /// <summary>Every step done: the sales order exists and the order is invoiced.</summary>
    Invoiced,

    /// <summary>Goods have left the warehouse.</summary>
    Shipped,

    /// <summary>The invoice is paid in full.</summary>
    Paid,

    /// <summary>Refused (credit, stock, approval, the quote itself); nothing was kept.</summary>
    Rejected,

    /// <summary>Cancelled by an operator; nothing was kept.</summary>
    Cancelled,

    /// <summary>A system kept failing; the platform's operators see why.</summary>
    Failed,
}
