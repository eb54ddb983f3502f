using System.Text.Json.Serialization;

namespace ApiPlatform.Contracts.QuoteToCash;

[JsonConverter(typeof(JsonStringEnumConverter<OrderRequestState>))]
public enum OrderRequestState
{
    /// <summary>Steps are running (or a step waits for its next attempt).</summary>
    Running,

    /// <summary>Every step completed: ordered, invoiced and billed.</summary>
    Completed,

    /// <summary>Refused (credit, stock, approval, the quote itself); the completed steps were undone.</summary>
    Rejected,

    /// <summary>A system kept failing; the completed steps were undone.</summary>
    Failed,

    /// <summary>Waits for a finance approver, until the approval deadline.</summary>
    AwaitingApproval,

    /// <summary>Undoing the completed steps in reverse order.</summary>
    Compensating,

    /// <summary>Cancelled by an operator; the completed steps were undone.</summary>
    Cancelled,

    /// <summary>A step could not be undone: operations must look at it.</summary>
    CompensationFailed,

    /// <summary>Completed, and goods have left the warehouse.</summary>
    Shipped,

    /// <summary>Completed, and the invoice is paid in full.</summary>
    Paid,
}
