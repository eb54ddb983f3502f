using System.ComponentModel.DataAnnotations;

namespace ApiPlatform.ProcessApis.QuoteToCash.Workflows;

/// <summary>
/// The business rules of quote-to-cash (section <c>QuoteToCash</c>), validated at start: a process change is a
/// configuration change, not a code change.
/// </summary>
public sealed class QuoteToCashOptions
{
    public const string Section = "QuoteToCash";

    public ApprovalOptions Approval { get; set; } = new();

    /// <summary>How long stock is held for an order request before the sales order takes it over.</summary>
    [Range(1, 7 * 24 * 60)]
    public int ReservationHoldMinutes { get; set; } = 24 * 60;

    [Range(0, 180)]
    public int PaymentTermsDays { get; set; } = 30;

    /// <summary>Quote lines whose SKU is listed here are subscriptions: SKU → the billing system's price id.</summary>
    public Dictionary<string, string> SubscriptionPrices { get; set; } = [];

    /// <summary>Per tenant: optional steps it does not use (<c>reserve-inventory</c>, <c>crm-contract</c>, <c>billing</c>).</summary>
    public Dictionary<string, TenantProcessOptions> Tenants { get; set; } = [];

    public bool Uses(string? tenant, string step) =>
        tenant is null || !Tenants.TryGetValue(tenant, out var options) || !options.DisabledSteps.Contains(step, StringComparer.Ordinal);
}

public sealed class ApprovalOptions
{
    /// <summary>How long a finance approver has to decide (1 s to 90 days); afterwards the order request is rejected (once).</summary>
    public TimeSpan Deadline { get; set; } = TimeSpan.FromDays(2);

    /// <summary>Orders at or above this amount (per currency) need an approver even within the available credit.</summary>
    public Dictionary<string, decimal> AlwaysAbove { get; set; } = [];

    /// <summary>Client ids allowed to decide; empty means any internal (non-partner) caller of the API.</summary>
    public List<string> Approvers { get; set; } = [];
}

public sealed class TenantProcessOptions
{
    public List<string> DisabledSteps { get; set; } = [];
}
