namespace ApiPlatform.ProcessApis.ProcureToPay.Workflows;

/// <summary>
/// The business rules of procure-to-pay (section <c>ProcureToPay</c>), validated at start: approval policy by amount and
/// category, who approves each level, the three-way-match tolerances, who may accept a mismatching invoice, and when
/// suppliers are paid. Amounts are in the requisition's own currency.
/// </summary>
public sealed class ProcureToPayOptions
{
    public const string Section = "ProcureToPay";

    public ApprovalRules Approval { get; set; } = new();

    public MatchTolerances Matching { get; set; } = new();

    /// <summary>Client ids allowed to accept an invoice that does not match (an approver's decision).</summary>
    public List<string> ExceptionApprovers { get; set; } = [];

    /// <summary>Pay on the invoice's due date (a durable timer); false pays as soon as the invoice is matched.</summary>
    public bool PayOnDueDate { get; set; } = true;

    public ApprovalPolicy PolicyFor(string category) =>
        Approval.Categories.TryGetValue(category, out var policy) ? policy : Approval.Default;
}

public sealed class ApprovalRules
{
    /// <summary>The policy of every category not listed in <see cref="Categories"/>.</summary>
    public ApprovalPolicy Default { get; set; } = new();

    public Dictionary<string, ApprovalPolicy> Categories { get; set; } = [];

    /// <summary>
    /// Who approves each level, in order (level 1 first). Nobody approves their own requisition, and nobody approves two
    /// levels of one requisition.
    /// </summary>
    public List<ApprovalLevel> Levels { get; set; } = [];
}

/// <summary>Below <see cref="AutoApproveBelow"/> no approval; below <see cref="SecondLevelFrom"/> one level; above, two.</summary>
public sealed class ApprovalPolicy
{
    public decimal AutoApproveBelow { get; set; } = 1_000m;

    public decimal SecondLevelFrom { get; set; } = 10_000m;

    /// <summary>How long each level's approvers have (1 s to 90 days); afterwards the requisition is rejected as expired.</summary>
    public TimeSpan Deadline { get; set; } = TimeSpan.FromDays(3);

    public int LevelsFor(decimal amount) => amount < AutoApproveBelow ? 0 : amount < SecondLevelFrom ? 1 : 2;
}

public sealed class ApprovalLevel
{
    public string Name { get; set; } = "";

    public List<string> Approvers { get; set; } = [];
}

/// <summary>
/// Three-way-match tolerances: invoiced quantity against received quantity (absolute), invoiced unit price against the
/// ordered one (percent), and the invoice's net total against ordered price × received quantity (currency units).
/// </summary>
public sealed class MatchTolerances
{
    public decimal Quantity { get; set; }

    public decimal PricePercent { get; set; } = 2m;

    public decimal Total { get; set; } = 1m;
}
